import { useRef, useState, type DragEvent } from 'react';
import { droppedFiles, hasFiles } from '../features/evidence/dropFiles';

/**
 * A panel that takes dropped files (and folders): `dragging` while files hover over it, and the
 * handlers to spread on it. Counting enter/leave depth keeps the overlay steady over child elements.
 */
export function useFileDrop(canDrop: boolean, onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handlers = {
    onDragEnter: (e: DragEvent) => {
      if (!canDrop || !hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!canDrop || !hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!canDrop || !hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      void droppedFiles(e.dataTransfer).then(onFiles);
    },
  };
  return { dragging, handlers };
}
