// The overload challenges (retry budgets, shedding stale work, cache cold mode) against the real simulator.
import { OVERLOAD } from './overload';
import { proveChallenges } from './prove.testkit';

proveChallenges(OVERLOAD);
