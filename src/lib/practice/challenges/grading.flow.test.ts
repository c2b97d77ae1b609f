// The flow challenges against the real simulator (see prove.testkit.ts).
import { FLOW } from './flow';
import { proveChallenges } from './prove.testkit';

proveChallenges(FLOW);
