// The regions challenges against the real simulator (see prove.testkit.ts).
import { REGIONS } from './regions';
import { proveChallenges } from './prove.testkit';

proveChallenges(REGIONS);
