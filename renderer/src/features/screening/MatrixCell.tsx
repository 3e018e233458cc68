import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatrixCell as Cell } from '../../../../shared/contract/channels/screening';
import type { Authority } from '../../../../shared/domain/designations';
import { formatPartialDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';

interface Props {
  authority: Authority;
  cell: Cell | undefined;
  /** This is Japan's cell in a row where partners designated and Japan did not. */
  gap: boolean;
}

/** Who designated the subject under which regime and since when; or why the cell is empty. */
export function MatrixCell({ authority, cell, gap }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = cell?.state ?? 'list_not_loaded';
  const date = (value: string | null) => (value ? formatPartialDate(value, language) : t('screening.matrix.undated'));
  let body;
  if (state === 'designated' && cell) {
    const [first, ...more] = cell.designations;
    body = (
      <Tooltip
        multiline
        maw={380}
        label={
          <Stack gap={4}>
            {cell.designations.map((d) => (
              <Text key={d.candidateId} size="xs">
                {d.listName} · {d.listRef} · {d.programmes.join(', ') || '—'} · {date(d.listedOn)}
                <br />
                {d.name}
              </Text>
            ))}
          </Stack>
        }
      >
        <Stack gap={0} miw={0}>
          <Group gap={4} wrap="nowrap" miw={0}>
            <Text size="xs" fw={700} truncate="end" data-testid="matrix-regime">
              {first?.programmes.join(', ') || first?.listName}
            </Text>
            {more.length > 0 && (
              <Badge size="xs" color="gray" variant="light" style={{ flexShrink: 0 }}>
                +{more.length}
              </Badge>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="matrix-date">
              {first ? date(first.listedOn) : ''}
            </Text>
            {cell.pending > 0 && (
              <Badge size="xs" color="yellow" variant="light" style={{ flexShrink: 0 }}>
                {t('screening.matrix.toDecide', { count: cell.pending })}
              </Badge>
            )}
          </Group>
        </Stack>
      </Tooltip>
    );
  } else if (state === 'pending') {
    body = (
      <Badge color="yellow" variant="light">
        {t('screening.matrix.pending', { count: cell?.pending ?? 0 })}
      </Badge>
    );
  } else {
    body = (
      <Text
        size="xs"
        c={gap ? 'red.8' : state === 'not_screened' ? 'orange.8' : 'dimmed'}
        fw={gap ? 700 : 400}
        fs={state === 'list_not_loaded' ? 'italic' : undefined}
      >
        {t(`screening.matrix.states.${state}`)}
      </Text>
    );
  }
  return (
    <Table.Td
      data-testid="matrix-cell"
      data-authority={authority}
      data-state={state}
      style={{ background: gap ? 'var(--mantine-color-red-0)' : state === 'designated' ? 'var(--mantine-color-slate-0)' : undefined, overflow: 'hidden' }}
    >
      {body}
    </Table.Td>
  );
}
