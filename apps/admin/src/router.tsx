import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from './routes/not-found-page.js';
import { ServicesPage } from './routes/services-page.js';

// Vite's base ("/admin/") doubles as the router's basename, so routes here stay relative to it.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

// Sign-in, payment settings, transactions and the webhook log join this list in later issues.
export const router = createBrowserRouter(
  [
    { path: '/', element: <ServicesPage /> },
    { path: '*', element: <NotFoundPage /> },
  ],
  { basename },
);
