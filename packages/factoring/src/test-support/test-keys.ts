// A fixed Ed25519 key pair for the tests only (never used outside them), so the signature and
// therefore the whole package are golden.
export const TEST_PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIF8eY3pjVnMK87tsmpvRrMkOaoR+lUWWg1uJjklf40hF\n-----END PRIVATE KEY-----\n';
export const TEST_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAp15gmYYUpySUI1SFKiUpF3Mn/uk/dWowm3eZNjYa0e4=\n-----END PUBLIC KEY-----\n';
