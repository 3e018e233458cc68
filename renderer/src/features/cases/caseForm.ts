import { useForm, type UseFormReturnType } from '@mantine/form';
import type { CaseDetail, ChannelInput } from '../../../../shared/contract';

export type CaseFormValues = ChannelInput<'cases.create'>;
export type CaseForm = UseFormReturnType<CaseFormValues>;

export const CASE_FORM_FIELDS = ['title', 'country', 'situation', 'summary'] as const;

export const emptyCaseValues = (): CaseFormValues => ({ title: '', country: null, situation: '', summary: '' });

export const caseValues = (detail: CaseDetail): CaseFormValues => ({
  title: detail.title,
  country: detail.country,
  situation: detail.situation,
  summary: detail.summary,
});

/** No client-side rules: the server's field errors are the single source of truth. */
export function useCaseForm(initialValues: CaseFormValues): CaseForm {
  return useForm<CaseFormValues>({ mode: 'controlled', initialValues });
}

export const isCaseFormField = (path: string) => (CASE_FORM_FIELDS as readonly string[]).includes(path);
