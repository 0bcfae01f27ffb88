import { z } from "zod";

// zod 4 probes `new Function` to compile faster parsers. In the browser our Content Security Policy forbids eval, and
// Chromium reports the probe as a violation even though zod catches it, so every page with a form would log one.
// Without the probe zod parses the same way, a little slower: our forms are small. Every schema imports z from here.
z.config({ jitless: true });

export { z };
