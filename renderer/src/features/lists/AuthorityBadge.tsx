import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Authority } from '../../../../shared/domain/designations';

/** A partner by its short code (US, UK …), named in full on hover. */
export function AuthorityBadge({ authority }: { authority: Authority | null }) {
  const { t } = useTranslation();
  if (!authority) {
    return (
      <Badge color="gray" variant="outline">
        {t('lists.mixedAuthorities')}
      </Badge>
    );
  }
  return (
    <Tooltip label={t(`lists.authorities.${authority}`)}>
      <Badge color={authority === 'JP' ? 'red' : 'slate'} variant="light" data-authority={authority}>
        {authority}
      </Badge>
    </Tooltip>
  );
}
