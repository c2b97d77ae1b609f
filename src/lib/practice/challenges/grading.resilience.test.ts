// The resilience challenges against the real simulator (see prove.testkit.ts).
import { RESILIENCE } from './resilience';
import { proveChallenges } from './prove.testkit';

proveChallenges(RESILIENCE);
