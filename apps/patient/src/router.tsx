import { createBrowserRouter } from 'react-router';
import { BookPage } from './routes/book-page.js';
import { NotFoundPage } from './routes/not-found-page.js';

// The booking wizard's steps join this list in a later issue; for now the landing page lists services.
export const router = createBrowserRouter([
  { path: '/', element: <BookPage /> },
  { path: '*', element: <NotFoundPage /> },
]);
