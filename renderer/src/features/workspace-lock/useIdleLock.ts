import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { lockWorkspace } from './queries';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'pointermove', 'touchstart'] as const;
/** How often the idle time is compared with the limit; the lock comes at most this late. */
const CHECK_EVERY_MS = 15_000;

/**
 * Locks after `minutes` without a key press, click, scroll or pointer movement in this window.
 * The renderer tracks activity (main cannot see it); main does the locking.
 */
export function useIdleLock(minutes: number | null | undefined): void {
  const queryClient = useQueryClient();
  const last = useRef(0); // set when the timer starts
  useEffect(() => {
    if (!minutes) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
    // One lock at a time: checks that come due while it is under way (a machine waking from sleep
    // runs them back to back) do not ask again; a lock that failed is tried at the next check.
    let locking = false;
    const timer = window.setInterval(() => {
      if (locking || Date.now() - last.current < minutes * 60_000) return;
      locking = true;
      lockWorkspace(queryClient)
        .catch((error: unknown) => console.error('[casebench] the idle lock failed:', error))
        .finally(() => {
          locking = false;
        });
    }, Math.min(CHECK_EVERY_MS, minutes * 60_000));
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [minutes, queryClient]);
}
