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

  it('reads every row that has a notice number: entries + deleted (削除, 598 per SOURCES.md) + unnamed = all', async () => {
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
    const deleted = report.skipped.filter((s) => s.reason.startsWith('deleted (削除)'));
    expect(deleted).toHaveLength(598);
    expect(report.skipped.filter((s) => !s.reason.startsWith('deleted'))).toEqual([
      { at: 'sheet 2.タリバーン関係者等 row 276, 告示番号 274', reason: 'no name' },
    ]);
    expect(report.entries + report.skipped.length).toBe(rows);
    expect(report.entries).toBe(2876);
    expect(parsed.list).toEqual({ key: 'jp-mof', authority: 'JP', format: 'jp_mof_xlsx', listName: '資産凍結等の措置の対象者 (MOF)', listDate: null });
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
  });

  it('reads ranged DOBs with a full-width digit (2-2: "(b)１945年-1950年頃"), and an Excel serial DOB (2-139: 23830 = 1965-03-29)', () => {
    const akhund = parsed.entries.find((x) => x.listId === '2-2')!;
    expect(akhund.datesOfBirth).toEqual([
      { value: { precision: 'range', from: '1955', to: '1958' }, text: '1955年-1958年頃', circa: true },
      { value: { precision: 'range', from: '1945', to: '1950' }, text: '1945年-1950年頃', circa: true },
    ]);
    expect(akhund.listedOn).toBe('2001-09-22'); // first date of "2001.9.22\n2008.6.25改訂\n2012.3.27改訂"
    const shinwari = parsed.entries.find((x) => x.listId === '2-139')!;
    expect(shinwari.names[0]!.value).toBe('ABDUL GHAFAR SHINWARI');
    expect(shinwari.datesOfBirth).toEqual([{ value: { precision: 'day', value: '1965-03-29' }, text: '23830' }]);
    expect(shinwari.identifiers).toEqual([{ type: 'passport', label: '旅券番号', value: 'アフガニスタン旅券 D 000763 (1997年1月9日発行)', country: null, note: null }]);
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
      expect(err.at).toBe(`byte ${fs.statSync(half).size}`);
    });
    it('a text export (UTF-16 CSV) saved as .xlsx', async () => {
      const csv = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('告示日付\t告示番号\t日本語表記\r\n', 'utf16le')]);
      const err = await failure(parseJpMofXlsx(tempFile('mof-utf16.xlsx', csv)));
      expect(err.code).toBe('encoding');
    });
  });
});
