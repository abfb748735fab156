// Hash routes (`#/designs/3?parent=1`), so that the app is a set of static files any server serves.

import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The path's segments: `#/designs/3` → `['designs', '3']`. */
  path: string[];
  query: URLSearchParams;
}

function currentRoute(): Route {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean), query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
