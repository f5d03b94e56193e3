export {
  createTestDatabase,
  templateName,
  type TestDatabase,
  type TestDatabaseOptions,
} from './postgres.js';
export { createEmptyPglite, createTestPglite, type TestPglite } from './pglite.js';
export {
  appointmentValues,
  insertCatalogueFixture,
  insertPatientFixture,
  type CatalogueFixture,
} from './fixtures.js';
export { holdConnections } from './hold-connections.js';
export { relaxContactCapForTests } from './relax-contact-cap.js';
