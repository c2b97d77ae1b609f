// The data challenges against the real simulator (see prove.testkit.ts).
import { DATA } from './data';
import { proveChallenges } from './prove.testkit';

proveChallenges(DATA);
