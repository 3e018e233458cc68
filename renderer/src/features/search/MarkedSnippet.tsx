import { Fragment } from 'react';
import { MATCH_END, MATCH_START } from '../../../../shared/contract/channels/search';

/** Renders a snippet whose matches the service marked with MATCH_START/MATCH_END; no HTML is parsed. */
export function MarkedSnippet({ text }: { text: string }) {
  const parts = text.split(MATCH_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>;
        const [match = '', rest = ''] = part.split(MATCH_END);
        return (
          <Fragment key={i}>
            <mark>{match}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
