import fc from 'fast-check';

/**
 * Property tests draw new cases on every run, which is how they find the rare input a bug needs. CI sets
 * ARHIVAR_PROPERTY_SEED so that its run draws the same cases every time: a submission is not failed by a
 * case that no change of it brought, and the cases a developer's runs find are fixed in the code (with an
 * example test) before they land. `ARHIVAR_PROPERTY_SEED=n npm test` replays CI's run.
 */
const seed = process.env.ARHIVAR_PROPERTY_SEED;
if (seed !== undefined && seed !== '') {
  if (!/^-?\d+$/.test(seed)) throw new Error(`ARHIVAR_PROPERTY_SEED must be a whole number, not "${seed}"`);
  fc.configureGlobal({ seed: Number(seed) });
}
