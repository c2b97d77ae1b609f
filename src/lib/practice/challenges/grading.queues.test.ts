// The queue challenges against the real simulator (see prove.testkit.ts).
import { QUEUES } from './queues';
import { proveChallenges } from './prove.testkit';

proveChallenges(QUEUES);
