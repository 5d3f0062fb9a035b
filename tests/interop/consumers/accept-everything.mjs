// The consumer every check must catch: it verifies nothing and answers 200 to anything.
import { serve } from "./serve.mjs";

serve(() => ({ status: 200 }));
