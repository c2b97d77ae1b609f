// The web challenges against the real simulator (see prove.testkit.ts).
import { WEB } from './web';
import { proveChallenges } from './prove.testkit';

proveChallenges(WEB);
