/** Rich-text node shapes as the findings editor stores them (Lexical JSON), for seeding through the API. */
const text = (t: string) => ({ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: t });

/** One paragraph of words, then a reference to each exhibit given (each after a space). */
export const findingDoc = (words: string, exhibits: { id: string; exhibit: string }[] = []) => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [text(words), ...exhibits.flatMap((e) => [text(' '), { type: 'exhibit-reference', version: 1, itemId: e.id, label: e.exhibit }])],
      },
    ],
  },
});
