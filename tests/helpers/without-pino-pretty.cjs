// Preloaded with `node -r`: makes pino-pretty unresolvable, as in an install without development
// dependencies (npm ci --omit=dev, the container image).
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'pino-pretty') {
    const error = new Error("Cannot find module 'pino-pretty'");
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
