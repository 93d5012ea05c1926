import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { base } from './api.js';

// Hash-free client-side routes under /_idpool/console; the emulator answers index.html for each of them.

function currentRoute(): { path: string; query: URLSearchParams } {
  const { pathname, search } = window.location;
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return { path: path === '' ? '/' : path, query: new URLSearchParams(search) };
}

export function navigate(to: string, replace = false): void {
  const url = base + to;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event('idpool:navigate'));
}

export function useRoute(): { path: string; query: URLSearchParams } {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('popstate', update);
    window.addEventListener('idpool:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('idpool:navigate', update);
    };
  }, []);
  return route;
}

/** A real link (opens in a new tab, copies, reads out as a link) that navigates in place on a plain click. */
export function Link({ to, children, current }: { to: string; children: ComponentChildren; current?: boolean }) {
  return (
    <a
      href={base + to}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
        window.scrollTo(0, 0);
      }}
    >
      {children}
    </a>
  );
}

export const enc = encodeURIComponent;
