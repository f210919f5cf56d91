export { serveStatic } from '../../scripts/lib/static-server';
