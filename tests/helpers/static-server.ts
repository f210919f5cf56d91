export { serveStatic } from '../support/static-server';
