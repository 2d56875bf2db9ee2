import { emptySupplierForm, formPathOf, toFormValues, toRequest } from './supplier-form';
import type { SupplierView } from './api';

const view: SupplierView = {
  code: 'ACME',
  name: 'アクメ商事',
  active: true,
  priority: 10,
  contactName: null,
  contactEmail: null,
  profile: {
    format: 'CSV',
    encoding: 'Windows-31J',
    delimiter: ',',
    quote: '"',
    headerRows: 1,
    skipRows: 2,
    columns: { code: { header: '品番' }, stock: { position: 5 } },
    decimalSeparator: '.',
    thousandsSeparator: ',',
    stockSymbols: { '○': 10, '×': 0 },
  },
  source: { type: 'URL', url: 'https://files.example/acme.csv', authHeaderName: 'Authorization', authSecretRef: 'ACME_TOKEN' },
  scheduleCron: '0 6 * * 1-5',
  guard: { minRows: 100, maxRowDropPercent: 30, maxZeroStockPercent: 50, maxCostChangePercent: 50 },
  missingItemsPolicy: 'ZERO',
  version: 3,
  createdAt: null,
  updatedAt: null,
};

describe('supplier form values', () => {
  it('round-trips a supplier view to the request the API takes', () => {
    const req = toRequest(toFormValues(view));
    expect(req).toEqual({
      code: 'ACME',
      name: 'アクメ商事',
      active: true,
      priority: 10,
      contactName: null,
      contactEmail: null,
      profile: {
        format: 'CSV',
        encoding: 'Windows-31J',
        delimiter: ',',
        quote: '"',
        headerRows: 1,
        skipRows: 2,
        columns: { code: { header: '品番' }, stock: { position: 5 } },
        decimalSeparator: '.',
        thousandsSeparator: ',',
        stockSymbols: { '○': 10, '×': 0 },
      },
      source: { type: 'URL', url: 'https://files.example/acme.csv', authHeaderName: 'Authorization', authSecretRef: 'ACME_TOKEN' },
      scheduleCron: '0 6 * * 1-5',
      guard: { minRows: 100, maxRowDropPercent: 30, maxZeroStockPercent: 50, maxCostChangePercent: 50 },
      missingItemsPolicy: 'ZERO',
    });
  });

  it('sends only what applies to the format: byte ranges for fixed width, a sheet for XLSX', () => {
    const v = emptySupplierForm();
    v.profile.format = 'FIXED_WIDTH';
    v.profile.columns.code = { mode: 'bytes', header: '', position: '', startByte: '1', endByte: '10' };
    v.profile.columns.stock = { mode: 'position', header: '', position: '', startByte: '11', endByte: '14' };
    const fixed = toRequest(v).profile;
    expect(fixed.columns).toEqual({ code: { startByte: 1, endByte: 10 }, stock: { startByte: 11, endByte: 14 } });
    expect(fixed).not.toHaveProperty('delimiter');
    expect(fixed).not.toHaveProperty('quote');

    v.profile.format = 'XLSX';
    v.profile.sheetName = '在庫';
    v.profile.columns.code = { mode: 'header', header: '品番', position: '', startByte: '', endByte: '' };
    const xlsx = toRequest(v).profile;
    expect(xlsx).not.toHaveProperty('encoding');
    expect(xlsx.sheetName).toBe('在庫');
    expect(xlsx.columns?.code).toEqual({ header: '品番' });
  });

  it('sends only the members of the chosen source type; the secret is a reference', () => {
    const v = emptySupplierForm();
    v.source = { type: 'DROP_FOLDER', folder: 'acme', filePattern: '*.csv', url: 'https://x', authHeaderName: 'X', authSecretRef: 'Y' };
    expect(toRequest(v).source).toEqual({ type: 'DROP_FOLDER', folder: 'acme', filePattern: '*.csv' });
    v.source.type = 'UPLOAD';
    expect(toRequest(v).source).toEqual({ type: 'UPLOAD' });
  });

  it('places the API field errors on the form inputs', () => {
    expect(formPathOf('profile.columns.code')).toBe('profile.columns.code');
    expect(formPathOf('profile.columns.stock.position')).toBe('profile.columns.stock.position');
    expect(formPathOf('profile.columns.price')).toBe('profile.columns');
    expect(formPathOf('profile.stockSymbols.○')).toBe('profile.stockSymbols');
    expect(formPathOf('guard.maxRowDropPercent')).toBe('guard.maxRowDropPercent');
    expect(formPathOf('version')).toBeNull();
  });
});
