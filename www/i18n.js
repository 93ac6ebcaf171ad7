// The page's own text in English and German. Validation messages are not here: the package
// writes them in the locale the page passes to it.

const text = {
  en: {
    title: "Edit customer",
    intro:
      "A back-office form for PATCH /v1/customers/{customer_id}. The brp-customer-patch package validates every change in your browser, computes the PATCH body and shows the customer the API would return.",
    language: "Language",
    tabForm: "Form",
    tabRaw: "Raw JSON",
    tabsLabel: "Editor",
    customerHeading: "Customer",
    loadSummary: "Load another customer as JSON",
    customerJson: "Customer JSON, as the API returns it",
    load: "Load customer",
    loaded: "Loaded customer {id}.",
    loadInvalidJson: "Not valid JSON: {message}",
    reset: "Undo all changes",
    status: "Status",
    statusUnset: "(not set)",
    balanceGroup: "Balance group",
    eic: "EIC",
    eicHint: "16 characters: 0-9, A-Z and '-'.",
    eicExpected: "Expected check character: {expected}",
    eicExpectedComplete: "Expected check character: {expected}, so the code would be {code}.",
    tso: "TSO",
    tsoUnset: "(not set)",
    metadata: "Metadata",
    metadataKey: "Key",
    metadataValue: "Value",
    metadataActions: "Actions",
    metadataKeyOfRow: "Key of row {row}",
    metadataValueOfRow: "Value of row {row}",
    removeRow: "Remove",
    removeRowLabel: "Remove metadata row {row}",
    addRow: "Add metadata row",
    noMetadata: "No metadata. Add a row to set a key.",
    duplicateKey: "The key \"{key}\" is used in more than one row. Only the last row counts.",
    rawLabel: "PATCH body as JSON",
    rawHint: "Type a body by hand. Issues are highlighted at their JSON Pointer below.",
    rawFromForm: "Copy the form's PATCH body",
    rawView: "Body with issues highlighted",
    patchHeading: "PATCH body",
    patchNote: "From createPatch: only what changed.",
    resultHeading: "Customer after the PATCH",
    resultNote: "From applyPatch. Changed values are highlighted.",
    resultHidden: "No merged customer while there are errors.",
    removedKeys: "Removed metadata keys: {keys}",
    curlHeading: "Request",
    curlNote: "Replace the host and YOUR_API_KEY before you run it.",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Select the text and copy it by hand.",
    error: "Error",
    warning: "Warning",
    wholeBody: "whole body",
    statusNoChanges: "No changes",
    statusValid: "No errors. The PATCH body changes {count}.",
    statusWarnings: "No errors, {warnings}. The PATCH body changes {count}.",
    statusErrors: "{errors}",
    statusErrorsWarnings: "{errors}, {warnings}",
    statusRawValid: "No errors. The body is valid.",
    statusLoading: "Loading the WebAssembly module…",
    statusLoadFailed: "Failed to load the package from ./pkg/web.js ({message}). Run \"make demo\" and open the page it serves.",
    errors: ["1 error", "{n} errors"],
    warnings: ["1 warning", "{n} warnings"],
    fields: ["1 field", "{n} fields"],
  },
  de: {
    title: "Kunden bearbeiten",
    intro:
      "Ein Backoffice-Formular für PATCH /v1/customers/{customer_id}. Das Paket brp-customer-patch prüft jede Änderung im Browser, berechnet den PATCH-Body und zeigt den Kunden, den die API zurückgeben würde.",
    language: "Sprache",
    tabForm: "Formular",
    tabRaw: "JSON direkt",
    tabsLabel: "Editor",
    customerHeading: "Kunde",
    loadSummary: "Anderen Kunden als JSON laden",
    customerJson: "Kunden-JSON, wie die API es liefert",
    load: "Kunden laden",
    loaded: "Kunde {id} geladen.",
    loadInvalidJson: "Kein gültiges JSON: {message}",
    reset: "Alle Änderungen verwerfen",
    status: "Status",
    statusUnset: "(nicht gesetzt)",
    balanceGroup: "Bilanzkreis",
    eic: "EIC",
    eicHint: "16 Zeichen: 0-9, A-Z und „-“.",
    eicExpected: "Erwartetes Prüfzeichen: {expected}",
    eicExpectedComplete: "Erwartetes Prüfzeichen: {expected}, der Code lautete also {code}.",
    tso: "ÜNB",
    tsoUnset: "(nicht gesetzt)",
    metadata: "Metadaten",
    metadataKey: "Schlüssel",
    metadataValue: "Wert",
    metadataActions: "Aktionen",
    metadataKeyOfRow: "Schlüssel in Zeile {row}",
    metadataValueOfRow: "Wert in Zeile {row}",
    removeRow: "Entfernen",
    removeRowLabel: "Metadaten-Zeile {row} entfernen",
    addRow: "Metadaten-Zeile hinzufügen",
    noMetadata: "Keine Metadaten. Fügen Sie eine Zeile hinzu, um einen Schlüssel zu setzen.",
    duplicateKey: "Der Schlüssel „{key}“ steht in mehreren Zeilen. Nur die letzte Zeile zählt.",
    rawLabel: "PATCH-Body als JSON",
    rawHint: "Geben Sie einen Body von Hand ein. Probleme werden unten an ihrem JSON Pointer markiert.",
    rawFromForm: "PATCH-Body des Formulars übernehmen",
    rawView: "Body mit markierten Problemen",
    patchHeading: "PATCH-Body",
    patchNote: "Von createPatch: nur die Änderungen.",
    resultHeading: "Kunde nach dem PATCH",
    resultNote: "Von applyPatch. Geänderte Werte sind markiert.",
    resultHidden: "Kein zusammengeführter Kunde, solange es Fehler gibt.",
    removedKeys: "Entfernte Metadaten-Schlüssel: {keys}",
    curlHeading: "Anfrage",
    curlNote: "Ersetzen Sie vor dem Ausführen den Host und YOUR_API_KEY.",
    copy: "Kopieren",
    copied: "Kopiert",
    copyFailed: "Markieren Sie den Text und kopieren Sie ihn von Hand.",
    error: "Fehler",
    warning: "Warnung",
    wholeBody: "ganzer Body",
    statusNoChanges: "Keine Änderungen",
    statusValid: "Keine Fehler. Der PATCH-Body ändert {count}.",
    statusWarnings: "Keine Fehler, {warnings}. Der PATCH-Body ändert {count}.",
    statusErrors: "{errors}",
    statusErrorsWarnings: "{errors}, {warnings}",
    statusRawValid: "Keine Fehler. Der Body ist gültig.",
    statusLoading: "WebAssembly-Modul wird geladen …",
    statusLoadFailed: "Das Paket ließ sich nicht aus ./pkg/web.js laden ({message}). Starten Sie „make demo“ und öffnen Sie die Seite, die es ausliefert.",
    errors: ["1 Fehler", "{n} Fehler"],
    warnings: ["1 Warnung", "{n} Warnungen"],
    fields: ["1 Feld", "{n} Felder"],
  },
};

/** Returns the page text `key` in `locale` with `{name}` placeholders filled from `values`. */
export function translate(locale, key, values = {}) {
  const template = text[locale]?.[key] ?? text.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (placeholder, name) => (name in values ? String(values[name]) : placeholder));
}

/** Returns a count with its noun, such as "1 error" or "2 Warnungen". */
export function countOf(locale, key, count) {
  const [one, many] = text[locale]?.[key] ?? text.en[key];
  return count === 1 ? one : many.replace("{n}", String(count));
}

/** Sets the text of every element marked with `data-i18n`, `data-i18n-label` or `data-i18n-placeholder`. */
export function translatePage(root, locale) {
  root.documentElement.lang = locale;
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = translate(locale, element.dataset.i18n);
  }
  for (const element of root.querySelectorAll("[data-i18n-label]")) {
    element.setAttribute("aria-label", translate(locale, element.dataset.i18nLabel));
  }
}
