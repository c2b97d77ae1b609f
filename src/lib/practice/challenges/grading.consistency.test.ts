// The consistency challenges against the real simulator (see prove.testkit.ts).
import { CONSISTENCY } from './consistency';
import { proveChallenges } from './prove.testkit';

proveChallenges(CONSISTENCY);
