import { problemText } from '../../shared/domain/list-notes';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJpMofXlsx } from './jp-mof-xlsx';
import { HTML_ERROR_PAGE, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';

const JP = fixture('jp-mof', 'shisantouketsu20260305.xlsx');

afterAll(removeTempFiles);

describe('Japan MOF asset-freeze workbook (xlsx)', () => {
  let parsed: Awaited<ReturnType<typeof parseJpMofXlsx>>;
  beforeAll(async () => {
    parsed = await parseJpMofXlsx(JP);
  });

  it('reads every row that has a notice number: entries + removed (削除, 598 per SOURCES.md) + unnamed = all', async () => {
    // Independent count: in every sheet, the non-empty cells below the cell whose text is exactly 告示番号.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(JP);
    let rows = 0;
    for (const ws of wb.worksheets) {
      let at: { row: number; col: number } | null = null;
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (!at && cell.text.replace(/\s+/g, '') === '告示番号') at = { row: r, col: c };
        });
      });
      if (!at) continue;
      const { row, col } = at;
      for (let r = row + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).text.trim() !== '') rows++;
    }
    const { report } = parsed;
    // Rows the ministry marks 削除 are no longer designations: counted apart, not reported as skipped.
    expect(report.removed).toBe(598);
    expect(report.skipped).toEqual([{ at: { sheet: '2.タリバーン関係者等', row: 276, record: '告示番号 274' }, note: { code: 'no_name' } }]);
    // Two entries are written over several rows each (merged cells repeat their notice number): 14 rows continue them.
    expect(report.warnings.map(problemText)).toEqual([
      'sheet 7.イラク前政権関係者等 (Ⅲ), row 3, 告示番号 197: one entry written over rows 3, 4, 5, read as one',
      'sheet 21.ソマリア, row 3, 告示番号 1: one entry written over rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, read as one',
    ]);
    expect(report.entries + report.removed + report.skipped.length + 14).toBe(rows);
    expect(report.entries).toBe(2862);
    expect(new Set(parsed.entries.map((e) => e.listId)).size).toBe(2862);
    // The latest notice the workbook records (a deletion of 2026-03-05): the date in its file name.
    expect(parsed.list).toEqual({ key: 'jp-mof', authority: 'JP', format: 'jp_mof_xlsx', listName: '資産凍結等の措置の対象者 (MOF)', listDate: '2026-03-05' });
  });

  it('finds the columns by header text, in header rows 2, 3 or 5, without the hidden furigana of the header cells', () => {
    // 41 of 45 sheets hold a list: not the 一覧 index, not the three 【解除】 (lifted) sheets
    expect(parsed.sheets).toHaveLength(41);
    const taliban = parsed.sheets.find((s) => s.sheet === '2.タリバーン関係者等')!;
    expect(taliban.headerRow).toBe(2); // row 1 is a title that also mentions 告示番号 in a note
    expect(taliban.columns).toEqual({
      告示日付: 'noticeDate', // the xlsx stores <rPh>コクジ</rPh><rPh>ヒヅケ</rPh> with it: not in the text
      告示番号: 'noticeNo',
      日本語表記: 'nameJa',
      英語表記: 'nameEn',
      '別名・別称': 'aliases',
      旧称: 'formerNames',
      確定に十分でない別名: 'weakAliases',
      称号: 'title',
      役職: 'position',
      生年月日: 'dob',
      '出生地・出身地': 'pob',
      国籍: 'nationality',
      旅券番号: 'passport',
      ID番号: 'idNo',
      '住所・所在地': 'address',
      国連制裁員会による指定日: 'unDate',
      国連参照番号: 'unRef',
      その他の情報: 'other',
    });
    expect(new Set(parsed.sheets.map((s) => s.headerRow))).toEqual(new Set([2, 3, 5]));
    // Every header cell text of every sheet was recognised
    expect(parsed.sheets.flatMap((s) => Object.entries(s.columns).filter(([, f]) => f === null).map(([h]) => `${s.sheet}: ${h}`))).toEqual([]);
    expect(parsed.sheets.flatMap((s) => Object.keys(s.columns)).filter((h) => /コクジ|ヒヅケ/.test(h))).toEqual([]);
  });

  it('types an entry of a mixed sheet from what it holds: a name or the narrative that says it is a group, or a person’s facts; otherwise unknown', () => {
    const typeOf = (id: string) => parsed.entries.find((x) => x.listId === id)!.type;
    expect(typeOf('2-282')).toBe('entity'); // AFGHAN SUPPORT COMMITTEE(ASC)
    expect(typeOf('2-622')).toBe('entity'); // ROSHAN MONEY EXCHANGE, ロシャン両替所
    expect(typeOf('4-16')).toBe('entity'); // Kurdistan Workers' Party(PKK), クルド労働者党
    expect(typeOf('2-166')).toBe('entity'); // AL-QAIDA: "同団体に対するインターポール…"
    // Its title cell says 不明 (unknown): not a person's title, so the narrative decides.
    expect(typeOf('2-345')).toBe('entity'); // SPECIAL PURPOSE ISLAMIC REGIMENT (SPIR)
    expect(parsed.entries.find((x) => x.listId === '2-345')!.names[0]!.parts).toBeUndefined();
    expect(typeOf('5-44')).toBe('person'); // Yahia Abdallah Al-Ubaidi: a nationality
    // The workbook calls these two groups 同人 (this person): that word alone types nothing, their names do.
    expect(typeOf('2-340')).toBe('entity'); // LASHKAR I JHANGVI (LJ): lashkar, army
    expect(typeOf('2-562')).toBe('entity'); // AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)
    expect(typeOf('2-733')).toBe('entity'); // HARAKAT SHAM AL-ISLAM: harakat, movement
    expect(typeOf('7-200')).toBe('entity'); // LOGARCHEO S.A.: "S.A." ends the name
    expect(typeOf('13-16')).toBe('person'); // Jakob Steiger: "社長 生年月日:1941年4月27日" in the remarks
    // Names that say nothing of what they are stay unknown: Hamas, Babbar Khalsa, Al-Shabaab.
    expect(typeOf('4-26')).toBe('unknown');
    expect(parsed.entries.filter((e) => e.type === 'unknown')).toHaveLength(10);
  });

  it('reads 2-5 MUHAMMAD TAHER ANWARI: katakana and Latin names, aliases in both scripts, DOB 1961年頃 (circa), Japanese nationality mapped', () => {
    const e = parsed.entries.find((x) => x.listId === '2-5')!;
    expect(e.type).toBe('person');
    expect(e.programmes).toEqual(['タリバーン関係者等']);
    expect(e.listedOn).toBe('2001-09-22');
    expect(e.names.slice(0, 2)).toEqual([
      { value: 'MUHAMMAD TAHER ANWARI', script: 'latn', lang: null, strength: 'primary', parts: { title: 'Mullah(ムラー)' } },
      { value: 'ムハンマド・ターヘル・アヌワリー', script: 'jpan_kana', lang: 'ja', strength: 'primary' },
    ]);
    expect(e.names.slice(2).map((n) => [n.value, n.script, n.strength])).toEqual([
      ['モハンマド・ターヘル・アヌワリー', 'jpan_kana', 'strong'],
      ['ムハンマド・ターヒル・アヌワリー', 'jpan_kana', 'strong'],
      ['モハンマド・ターフレ・アヌワリー', 'jpan_kana', 'strong'],
      ['ハッジ・ムディール', 'jpan_kana', 'strong'],
      ['Mohammad Taher Anwari', 'latn', 'strong'],
      ['Muhammad Tahir Anwari', 'latn', 'strong'],
      ['Mohammad Tahre Anwari', 'latn', 'strong'],
      ['Haji Mudir', 'latn', 'strong'],
    ]);
    expect(e.datesOfBirth).toEqual([{ value: { precision: 'year', value: '1961' }, text: '1961年頃', circa: true }]);
    expect(e.placesOfBirth).toEqual([{ text: 'Zurmat District, Paktia Province, Afghanistan', country: 'AF' }]);
    expect(e.nationalities).toEqual([{ country: 'AF', text: 'アフガニスタン' }]);
    expect(e.positions).toEqual(['Director of Administrative Affairs (行政問題担当長官)', 'Minister of Finance (財務大臣)']);
    // A remark from a column is labelled as the sheet labels it, its slip (制裁員会) included.
    expect(e.remarks[0]).toBe('国連制裁員会による指定日: 2001年2月23日(2003年9月3日、2007年7月9日、9月21日及び2011年11月29日に改訂)');
  });

  it('reads ranged DOBs with a full-width digit (2-2: "(b)１945年-1950年頃"), and Excel serial DOBs (2-139: 23830 = 1965-03-29; 15-53: 9157 = 1925-01-25)', () => {
    const akhund = parsed.entries.find((x) => x.listId === '2-2')!;
    expect(akhund.datesOfBirth).toEqual([
      { value: { precision: 'range', from: '1955', to: '1958' }, text: '1955年-1958年頃', circa: true },
      { value: { precision: 'range', from: '1945', to: '1950' }, text: '1945年-1950年頃', circa: true },
    ]);
    expect(akhund.listedOn).toBe('2001-09-22'); // first date of "2001.9.22\n2008.6.25改訂\n2012.3.27改訂"
    const shinwari = parsed.entries.find((x) => x.listId === '2-139')!;
    expect(shinwari.names[0]!.value).toBe('ABDUL GHAFAR SHINWARI');
    expect(shinwari.datesOfBirth).toEqual([{ value: { precision: 'day', value: '1965-03-29' }, text: '23830' }]);
    // Four digits before 1927: not the year 9157.
    expect(parsed.entries.find((x) => x.listId === '15-53')!.datesOfBirth).toEqual([{ value: { precision: 'day', value: '1925-01-25' }, text: '9157' }]);
    expect(shinwari.identifiers).toEqual([{ type: 'passport', label: '旅券番号', value: 'アフガニスタン旅券 D 000763 (1997年1月9日発行)', country: null, note: null }]);
  });

  it('reads an entry written over 13 rows (21-1 AL-SHABAAB, merged cells) as one, with every paragraph of its reasons in order', () => {
    const shabaab = parsed.entries.filter((x) => x.listId === '21-1');
    expect(shabaab).toHaveLength(1);
    const { remarks, names } = shabaab[0]!;
    expect(remarks).toHaveLength(13);
    expect(remarks[0]).toMatch(/^アル・シャバーブは、2008年8月18日のジブチ合意/);
    expect(remarks[1]).toMatch(/^アル・シャバーブは、また、ソマリアへの人道支援の提供/);
    expect(remarks[12]).toMatch(/^また、2009年2月27日の外交問題評議会/);
    expect(names.slice(0, 4).map((n) => n.value)).toEqual(['AL-SHABAAB', 'アル・シャバーブ', 'アル・シャバブ', 'シャバーブ']);
    expect(new Set(names.map((n) => n.value)).size).toBe(names.length); // ヒズブル・シャバーブ is written twice in the cell
  });

  it('keeps only the name in a name: no separators left at the ends, notes in brackets moved to the note', () => {
    const names = parsed.entries.flatMap((e) => e.names.map((n) => ({ id: e.listId, ...n })));
    expect(names.filter((n) => /^[、,;]|[、,;。]$/.test(n.value)).map((n) => `${n.id}: ${n.value}`)).toEqual([]);
    expect(names.filter((n) => /^\((?:別名|別称|旧称)|^a\.k\.a/i.test(n.value)).map((n) => `${n.id}: ${n.value}`)).toEqual([]);
    const of = (id: string) => parsed.entries.find((x) => x.listId === id)!.names;
    // "アレフラー・アレフ(以前掲載の氏名)" and "Arefullah Aref (formerly listed as)"
    expect(of('2-30')).toContainEqual({ value: 'アレフラー・アレフ', script: 'jpan_kana', lang: 'ja', strength: 'strong', note: '以前掲載の氏名' });
    expect(of('2-30')).toContainEqual({ value: 'Arefullah Aref', script: 'latn', lang: null, strength: 'strong', note: 'formerly listed as' });
    // "マンスール・ザエール、1974年3月21日イラク国バグダッドにて出生": a fact run on after a comma
    expect(of('2-*306')).toContainEqual({ value: 'マンスール・ザエール', script: 'jpan_kana', lang: 'ja', strength: 'strong', note: '1974年3月21日イラク国バグダッドにて出生' });
  });

  it('reads the Latin spelling written behind a katakana alias as a name of its own (9-2: "フランク・カコレレ(FRANK KAKORERE)、")', () => {
    const names = parsed.entries.find((x) => x.listId === '9-2')!.names.map((n) => [n.value, n.script, n.strength]);
    // (b)'s katakana is the primary Japanese name again, so it is kept once, as the primary.
    expect(names).toEqual([
      ['FRANK KAKOLELE BWAMBALE', 'latn', 'primary'],
      ['フランク・カコレレ・ブワンバレ', 'jpan_kana', 'primary'],
      ['フランク・カコレレ', 'jpan_kana', 'strong'],
      ['FRANK KAKORERE', 'latn', 'strong'],
      ['FRANK KAKORERE BWAMBALE', 'latn', 'strong'],
      ['エーグル・ブラン', 'jpan_kana', 'strong'],
      ['AIGLE BLANC', 'latn', 'strong'],
    ]);
    // An Arabic original behind a Latin alias: "Saqr Al-Jaddawi(صقر الجداوي)"
    expect(parsed.entries.find((x) => x.listId === '2-164')!.names.map((n) => [n.value, n.script])).toEqual(
      expect.arrayContaining([['Saqr Al-Jaddawi', 'latn'], ['صقر الجداوي', 'arab']]),
    );
  });

  it('reads nationalities as the workbook writes them: long forms, short forms, two in one cell, English after the name', () => {
    const of = (id: string) => parsed.entries.find((x) => x.listId === id)!.nationalities;
    expect(of('9-3')).toEqual([{ country: 'RW', text: 'ルワンダ共和国' }]);
    expect(of('4-40')).toEqual([{ country: 'TR', text: 'トルコ' }, { country: 'JO', text: 'ヨルダン' }]);
    expect(of('2-284')).toEqual([{ country: 'LY', text: 'リビア Libya' }]);
    expect(of('2-512')).toEqual([{ country: 'GB', text: '英国' }]);
    // 733 nationalities; the four left without a country are not one (a former state, a remark).
    const all = parsed.entries.flatMap((e) => e.nationalities);
    expect(all.filter((n) => !n.country).map((n) => n.text)).toEqual([
      'Commune of Bouhechana, Daïra de Lakhezara, Guelma, Algeria',
      '2002年にクウェート国籍を剥奪された',
      'ソビエト社会主義共和国連邦(1991年まで)',
      'スーダン人(生まれ)',
    ]);
  });

  it('reads dates of birth written "おおよそ1960年", "1970-1973年頃", "又は1955年", or several in one line', () => {
    const of = (id: string) => parsed.entries.find((x) => x.listId === id)!.datesOfBirth;
    expect(of('9-28')[0]).toEqual({ value: { precision: 'year', value: '1960' }, text: 'おおよそ1960年', circa: true });
    expect(of('2-571')).toEqual([{ value: { precision: 'range', from: '1970', to: '1973' }, text: '1970-1973年頃', circa: true }]);
    expect(of('21-25')).toContainEqual({ value: { precision: 'year', value: '1955' }, text: '又は1955年' });
    expect(of('2-723')).toEqual([
      { value: { precision: 'day', value: '1975-05-14' }, text: '1975/5/14' },
      { value: { precision: 'year', value: '1975' }, text: '1975年頃', circa: true },
    ]);
    // Alternatives in one line, each read; what one leaves to the date before it is taken from there.
    expect(of('15-18')).toEqual([
      { value: { precision: 'day', value: '1976-08-25' }, text: '1976年8月25日' },
      { value: { precision: 'day', value: '1976-10-18' }, text: '1976年10月18日' },
    ]);
    expect(of('26-138').map((d) => d.value)).toEqual([
      { precision: 'day', value: '1991-07-14' },
      { precision: 'day', value: '1991-06-14' },
    ]);
    expect(of('24-18').map((d) => d.value)).toEqual(['1958', '1959', '1960'].map((value) => ({ precision: 'year', value })));
    // Years before a slash share the month and day written after the last.
    expect(of('29-84')).toEqual([
      { value: { precision: 'day', value: '1966-03-27' }, text: '1966年3月27日' },
      { value: { precision: 'day', value: '1969-03-27' }, text: '1969年3月27日' },
    ]);
    // The line's closing 頃 is said of both years.
    expect(of('2-517')).toEqual([
      { value: { precision: 'year', value: '1977' }, text: '1977年', circa: true },
      { value: { precision: 'year', value: '1978' }, text: '1978年の頃', circa: true },
    ]);
    const fields = parsed.entries.flatMap((e) => [...e.positions, ...e.addresses.map((a) => a.text), ...e.datesOfBirth.map((d) => d.text), ...e.nationalities.map((n) => n.text)]);
    expect(fields.filter((f) => /[、,;]$/.test(f))).toEqual([]);
  });

  it('adds the spellings a primary name gives in brackets as strong names of their own (26-126)', () => {
    expect(parsed.entries.find((x) => x.listId === '26-126')!.names.filter((n) => n.strength === 'strong')).toEqual(
      expect.arrayContaining([
        { value: 'Aleksandr KURENKOV', script: 'latn', lang: null, strength: 'strong', note: 'spelling given in brackets' },
        { value: 'Alexander KURENKOV', script: 'latn', lang: null, strength: 'strong', note: 'spelling given in brackets' },
      ]),
    );
  });

  it('splits "(旧称、A、別称、B、C)" and "X; a.k.a. Y" alias cells into names, former names noted (28-17)', () => {
    const names = parsed.entries.find((x) => x.listId === '28-17')!.names;
    expect(names).toContainEqual(expect.objectContaining({ value: '公開株式会社アルザマス試験設計局テンプ', note: 'former name' }));
    expect(names.find((n) => n.value === '公共株式会社アルザマス研究製造企業')).not.toHaveProperty('note');
    expect(names.map((n) => n.value)).toEqual(expect.arrayContaining(['OJSC Arzamasskoye Opytno Konstruktorskoye Byuro Temp', 'PJSC Arzamas Research and Production Enterprise']));
  });

  describe('refuses bad input, naming the file kind and where', () => {
    it('an HTML error page saved as .xlsx', async () => {
      const err = await failure(parseJpMofXlsx(tempFile('mof.xlsx', HTML_ERROR_PAGE)));
      expect(err.code).toBe('html_page');
      expect(err.message).toMatch(/^Japan MOF asset-freeze workbook \(xlsx\): this is an HTML page/);
    });
    it('a file of the wrong kind (an XML list; a zip that is not a workbook is refused by exceljs)', async () => {
      const err = await failure(parseJpMofXlsx(fixture('canada', 'sema-lmes_2020-04.xml')));
      expect(err.code).toBe('wrong_kind');
      expect(err.message).toBe('Japan MOF asset-freeze workbook (xlsx): this is not an xlsx (zip) file (at byte 0)');
    });
    it('a truncated download (the real workbook cut in half)', async () => {
      const half = truncatedCopy(JP, 'mof-half.xlsx');
      const err = await failure(parseJpMofXlsx(half));
      expect(err.code).toBe('truncated');
      expect(err.at).toEqual({ byte: fs.statSync(half).size });
    });
    it('a text export (UTF-16 CSV) saved as .xlsx', async () => {
      const csv = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('告示日付\t告示番号\t日本語表記\r\n', 'utf16le')]);
      const err = await failure(parseJpMofXlsx(tempFile('mof-utf16.xlsx', csv)));
      expect(err.code).toBe('encoding');
    });
  });
});
