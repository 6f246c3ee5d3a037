// Test helpers other packages' tests use (`@fact/factoring/testing`): a factor's HTTPS intake
// endpoint on loopback. Never imported by product code.
export { httpsReceiver, loopbackCertificate, receiverExpects } from './test-support/https-receiver.js';
export type { HttpsReceiver, ReceivedRequest } from './test-support/https-receiver.js';
