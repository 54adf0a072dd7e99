import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import { documentSymbols, type OutlineSymbol } from '../language/symbols/documentSymbols';
import { foldingRanges } from '../language/symbols/foldingRanges';
import { parsedFileOf, type FeatureDeps } from './featureDocument';

/** `textDocument/documentSymbol`: the outline, `Kind/name` per document; never throws. */
export function documentSymbolHandler(deps: FeatureDeps): (params: DocumentSymbolParams) => DocumentSymbol[] {
  return (params) => {
    try {
      const file = parsedFileOf(deps, params.textDocument.uri);
      return file ? documentSymbols(file.parsed).map(toSymbol) : [];
    } catch {
      return [];
    }
  };
}

/** `textDocument/foldingRange`: per document and per multi-line block; never throws. */
export function foldingRangeHandler(deps: FeatureDeps): (params: FoldingRangeParams) => FoldingRange[] {
  return (params) => {
    try {
      const file = parsedFileOf(deps, params.textDocument.uri);
      return file ? foldingRanges(file.parsed).map((span) => ({ startLine: span.startLine, endLine: span.endLine })) : [];
    } catch {
      return [];
    }
  };
}

function toSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SymbolKind.Class,
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toSymbol),
  };
}
