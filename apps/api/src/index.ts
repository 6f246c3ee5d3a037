// Public surface of the API server: start it in-process (tests, embedding) or read its parts.
export { startServer } from './app.js';
export type { RunningServer } from './app.js';
export { loadConfig, ConfigError } from './config.js';
export type { Config } from './config.js';
export { createAppServer, ROUTES } from './http/server.js';
export { shutdown } from './http/shutdown.js';
export { openApiDocument } from './openapi.js';
