import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** A calm, honest "not here yet" or "nothing yet": what the place is for, never fake data. */
export function PlaceholderPanel(props: { icon: ReactNode; title: string; description: string; children?: ReactNode }) {
  return (
    <EmptyState
      py={48}
      px="md"
      maw={560}
      mx="auto"
      size="sm"
      withIndicatorBackground
      icon={props.icon}
      title={props.title}
      description={props.description}
    >
      {props.children && <EmptyState.Actions>{props.children}</EmptyState.Actions>}
    </EmptyState>
  );
}
