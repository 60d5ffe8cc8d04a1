// The app's route table as the router knows it: routes.json is written from src/ui/routes.rs
// (`mueang routes`), and tests/routes.rs fails while the two differ, so a sweep over it
// visits every screen without a hand-kept list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** [{ path: '/cities/:id', examples: ['/cities/<id>', '/cities/new'] }, …] in router order. */
export const ROUTES = JSON.parse(readFileSync(path.join(here, '../routes.json'), 'utf8'));

/** Whether `address` (query ignored) opens the route `pattern`, as src/ui/routes.rs says. */
export function matches(pattern, address) {
  const want = pattern.split('/');
  const got = address.split(/[?#]/)[0].split('/');
  return want.length === got.length
    && want.every((w, i) => (w.startsWith(':') ? got[i] !== '' : w === got[i]));
}

/** The route pattern that opens `address` (the router tries them in order), or undefined. */
export function routeOf(address) {
  return ROUTES.find((r) => matches(r.path, address))?.path;
}
