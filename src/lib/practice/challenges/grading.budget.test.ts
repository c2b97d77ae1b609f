// The budget challenges against the real simulator (see prove.testkit.ts).
import { BUDGET } from './budget';
import { proveChallenges } from './prove.testkit';

proveChallenges(BUDGET);
