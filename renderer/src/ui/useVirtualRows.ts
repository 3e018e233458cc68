import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';

interface Options {
  count: number;
  /** Index of the selected row, or -1. */
  selected: number;
  /** Called with the row index the keyboard moved to (already clamped to the rows). */
  onSelect: (index: number) => void;
  /** Enter on the selected row. */
  onEnter?: (index: number) => void;
  rowHeight: number;
  /** The sticky header's height: rows scroll under it, so scrolling leaves it room. */
  headerHeight: number;
  /** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
  prefetchRows: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * A dense table's rows, virtualised (only the visible ones are in the DOM), loaded page by page as
 * it scrolls, and driven by the keyboard: ↑↓, PgUp/PgDn, Home/End, Enter.
 */
export function useVirtualRows(options: Options) {
  const { count, selected, onSelect, onEnter, rowHeight, headerHeight, prefetchRows, hasMore, loadingMore, loadMore } = options;
  const scrollRef = useRef<HTMLDivElement | null>(null);

  // The build does not use the React Compiler, so its "cannot memoize" notice does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 15,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= count - prefetchRows) loadMore();
  }, [hasMore, loadingMore, lastIndex, count, prefetchRows, loadMore]);

  const select = (index: number) => {
    if (count === 0) return;
    const clamped = Math.max(0, Math.min(count - 1, index));
    onSelect(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor((event.currentTarget.clientHeight - headerHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: Math.max(0, selected - 1),
      PageDown: selected + pageRows,
      PageUp: selected - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      select(target);
    } else if (event.key === 'Enter' && onEnter && selected >= 0) {
      event.preventDefault();
      onEnter(selected);
    }
  };

  return {
    scrollRef,
    items,
    onKeyDown,
    paddingTop: (items[0]?.start ?? headerHeight) - headerHeight,
    paddingBottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? headerHeight),
  };
}
