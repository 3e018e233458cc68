/**
 * English strings. The shape of this object is the key set: ja.ts is typed against it, so a key
 * missing from (or extra in) either language fails the typecheck.
 */
export const en = {
  app: {
    name: 'Casebench',
    loading: 'Opening the workspace…',
    cases: 'Cases',
  },
  language: {
    label: 'Language',
    ja: '日本語',
    en: 'English',
    saveFailed: 'The language was switched, but could not be remembered for the next start.',
  },
  errors: {
    VALIDATION_FAILED: 'Some fields need attention.',
    NOT_FOUND: 'This record no longer exists in the workspace.',
    CASE_CLOSED: 'This case is closed. Reopen it, with a reason, before changing it.',
    UNKNOWN_CHANNEL: 'Casebench could not perform this operation.',
    BAD_REQUEST: 'Casebench could not understand this request.',
    FORBIDDEN: 'This operation is not allowed.',
    WORKSPACE_READ_ONLY:
      'The workspace folder is read-only, so nothing can be saved. Choose a folder you can write to, or ask for write access.',
    WORKSPACE_LOCKED:
      'Another Casebench is using this workspace. Close it, or choose another workspace folder.',
    WORKSPACE_CORRUPT:
      'The workspace database cannot be read. Nothing was changed. Restore it from a backup, or choose another workspace folder.',
    WORKSPACE_TOO_NEW:
      'This workspace was written by a newer version of Casebench. Update Casebench to open it. Nothing was changed.',
    WORKSPACE_UNAVAILABLE: 'The workbench service did not answer. Check that Casebench is still running, then try again.',
    INTERNAL: 'Something went wrong inside Casebench; the change was not saved. Please try again.',
  },
  workspaceError: {
    title: 'The workspace cannot be opened',
    retry: 'Try again',
    detail: 'Code for support: {{code}}',
  },
  fieldIssues: {
    required: 'Required.',
    too_long: 'Too long: at most {{max}} characters.',
    too_short: 'Too short: at least {{min}} characters.',
    invalid: 'Contains characters that cannot be stored (control characters).',
    invalid_choice: 'Choose one of the options.',
    invalid_date: 'Not a valid date. Use YYYY-MM-DD, YYYY-MM or YYYY.',
    range_reversed: 'The end of the period is before its start.',
  },
  form: {
    close: 'Close',
    otherIssues: 'Some entries could not be saved:',
    cancel: 'Cancel',
    saveFailed: 'Not saved',
  },
  stages: {
    intake: 'Intake',
    assessment: 'Preliminary assessment',
    investigation: 'Investigation',
    findings: 'Findings',
    proposal: 'Designation proposal',
    review: 'Review',
    decision: 'Decision',
  },
  caseStatus: {
    open: 'Open',
    closed: 'Closed',
  },
  allegationStatus: {
    alleged: 'Alleged',
    substantiated: 'Substantiated',
    not_substantiated: 'Not substantiated',
  },
  precision: {
    day: 'Day',
    month: 'Month',
    year: 'Year',
    range: 'Range',
    unknown: 'Unknown',
  },
  events: {
    created: 'Case opened',
    updated: 'Details edited',
    closed: 'Case closed',
    reopened: 'Case reopened',
    allegation_added: 'Allegation added',
    allegation_updated: 'Allegation edited',
    allegation_removed: 'Allegation removed',
  },
  caseList: {
    search: 'Search reference or title',
    searchLabel: 'Search cases',
    stageFilter: 'Stage',
    countryFilter: 'Country',
    statusFilter: 'Status',
    statusAll: 'All',
    total_one: '{{count}} case',
    total_other: '{{count}} cases',
    loadingMore: 'Loading more…',
    columns: {
      reference: 'Reference',
      title: 'Title',
      country: 'Country',
      stage: 'Stage',
      status: 'Status',
      allegations: 'Allegations',
      updatedAt: 'Updated',
    },
    empty: {
      title: 'No cases yet',
      description:
        'A case gathers the allegations, subjects and evidence behind one sanctions proposal. Start by recording the situation you are investigating.',
    },
    noMatch: {
      title: 'No case matches',
      description: 'Nothing matches this search and these filters.',
      clear: 'Clear search and filters',
    },
    shortcuts: '/ search · Ctrl+N new case · ↑↓ select · Enter open',
  },
  caseFields: {
    title: 'Title',
    titleDescription: 'In Japanese or English',
    country: 'Country',
    countryPlaceholder: 'Choose a country',
    countryNothingFound: 'No country of that name',
    situation: 'Situation',
    situationPlaceholder: 'e.g. Xinjiang, or the post-coup crackdown',
    summary: 'Summary',
  },
  newCase: {
    button: 'New case',
    title: 'New case',
    submit: 'Create case',
    created: 'Case {{reference}} created',
  },
  workspace: {
    back: 'All cases',
    notFound: 'This case could not be opened.',
    closedBanner: 'This case is closed',
    closedDetail: 'Closed {{date}}. Reason: {{reason}}',
    closedHint: 'It stays readable; reopen it, with a reason, to change it.',
    tabs: {
      overview: 'Overview',
      allegations: 'Allegations',
      subjects: 'Subjects',
      evidence: 'Evidence',
      findings: 'Findings',
      proposals: 'Proposals',
      review: 'Review',
    },
  },
  overview: {
    details: 'Details',
    save: 'Save changes',
    reset: 'Discard changes',
    saved: 'Changes saved',
    lifecycle: 'Case status',
    openHint: 'Close the case when it will not be pursued, or when it is finished. The reason is kept in the history.',
    closedHint: 'Reopen the case to change it again. The reason is kept in the history.',
    closeCase: 'Close case',
    reopenCase: 'Reopen case',
    created: 'Opened',
    updated: 'Last changed',
  },
  history: {
    title: 'History',
    at: 'When',
    actor: 'By',
    event: 'Event',
    subject: 'Record',
    reason: 'Reason',
    empty: 'Nothing recorded yet.',
  },
  closeReopen: {
    closeTitle: 'Close case {{reference}}',
    reopenTitle: 'Reopen case {{reference}}',
    closeIntro:
      'A closed case stays readable but cannot be changed until it is reopened. State why it is closed; the reason is kept in the case history.',
    reopenIntro: 'State why the case is reopened; the reason is kept in the case history.',
    reason: 'Reason',
    closeSubmit: 'Close case',
    reopenSubmit: 'Reopen case',
    closed: 'Case {{reference}} closed',
    reopened: 'Case {{reference}} reopened',
  },
  placeholders: {
    subjects: {
      title: 'Subjects will be recorded here',
      description:
        'Persons and entities proposed for designation: names in every script, aliases, dates and places of birth, nationalities, identity documents, positions and relationships.',
    },
    evidence: {
      title: 'Evidence will be kept here',
      description:
        'Files and testimony kept exactly as received, with their SHA-256, source grading and an unbroken chain of custody, each linked to the allegations it supports or contradicts.',
    },
    findings: {
      title: 'Findings will be stated here',
      description:
        'For each allegation and subject: whether the standard of proof is met, with reasons citing exhibits, and how exculpatory material was addressed.',
    },
    proposals: {
      title: 'Designation proposals will be drafted here',
      description:
        'Asset-freeze and travel-ban proposals per subject, with the statement of reasons, exhibits and international coordination, in Japanese and English.',
    },
    review: {
      title: 'Review will take place here',
      description:
        'A second person reviews the proposal and approves it or returns it with comments; approved documents are frozen with their hash.',
    },
  },
  allegations: {
    add: 'Add allegation',
    count_one: '{{count}} allegation',
    count_other: '{{count}} allegations',
    columns: {
      reference: 'Ref.',
      category: 'Conduct',
      period: 'Period',
      place: 'Place',
      status: 'Status',
      victims: 'Victims',
      actions: 'Actions',
    },
    edit: 'Edit {{reference}}',
    remove: 'Remove {{reference}}',
    empty: {
      title: 'No allegations recorded',
      description: 'Record each alleged act: what conduct, when, where and against whom.',
    },
    closedEmpty: 'No allegations were recorded before the case was closed.',
    created: 'Allegation {{reference}} added',
    updated: 'Allegation {{reference}} saved',
    removed: 'Allegation {{reference}} removed',
    removeTitle: 'Remove allegation {{reference}}?',
    removeBody: 'It will no longer be part of the case. The removal is recorded in the case history.',
    removeReason: 'Reason (optional)',
    removeConfirm: 'Remove allegation',
  },
  allegationForm: {
    addTitle: 'New allegation',
    editTitle: 'Edit allegation {{reference}}',
    viewTitle: 'Allegation {{reference}} (case closed)',
    category: 'Conduct',
    categoryPlaceholder: 'Choose the conduct alleged',
    scaleHint: 'In scope only where widespread or systematic.',
    period: 'Period',
    precision: 'Precision of the date',
    date: 'Date',
    from: 'From',
    to: 'To',
    unknownDate: 'The date is not known.',
    place: 'Place',
    placePlaceholder: 'e.g. Urumqi, Xinjiang',
    narrative: 'Narrative',
    victims: 'Victims',
    victimsHint: 'Pseudonyms only. Real identities are never recorded here.',
    victimPlaceholder: 'e.g. V-01',
    victimLabel: 'Victim {{n}}',
    addVictim: 'Add victim',
    removeVictim: 'Remove victim {{n}}',
    noVictims: 'No victims recorded.',
    status: 'Status',
    submitCreate: 'Add allegation',
    submitUpdate: 'Save allegation',
  },
  fuzzyDate: {
    unknown: 'Unknown',
    range: '{{from}} – {{to}}',
    formats: {
      day: 'YYYY-MM-DD',
      month: 'YYYY-MM',
      year: 'YYYY',
      range: 'YYYY, YYYY-MM or YYYY-MM-DD',
    },
  },
} as const;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The key set every language must provide, with any wording. */
export type Resources = Strings<typeof en>;
