// The caching challenges against the real simulator (see prove.testkit.ts).
import { CACHING } from './caching';
import { proveChallenges } from './prove.testkit';

proveChallenges(CACHING);
