package jp.systemgear.ec.importer.reading;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * An XLSX sheet read as a stream of rows (StAX over the sheet XML; no workbook model in memory).
 * POI's secure XML factory refuses DTDs and external entities, and its zip reader refuses entries
 * that inflate suspiciously (zip bombs). Numeric cells are written out in full, so a JAN code stored
 * as a number stays 4901234567894, never 4.9E+12.
 */
public final class XlsxRecordReader implements RecordReader {

    /** A sheet's XML may be large, but not this large; with the ratio check it stops zip bombs. */
    static final long MAX_ENTRY_BYTES = 1L << 30;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final InputStream sheet;
    private final XMLStreamReader xml;

    public XlsxRecordReader(Path file, String sheetName) {
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new UnreadableFileException("not a readable XLSX workbook: " + reason(e), e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.sheet = openSheet(reader, sheetName);
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
        } catch (IOException | OpenXML4JException | XMLStreamException | org.xml.sax.SAXException
                | RuntimeException e) {
            pkg.revert();
            throw new UnreadableFileException("the workbook cannot be read: " + reason(e), e);
        }
    }

    private static InputStream openSheet(XSSFReader reader, String sheetName) throws IOException, InvalidFormatException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        List<String> names = new ArrayList<>();
        while (sheets.hasNext()) {
            InputStream stream = sheets.next();
            String name = sheets.getSheetName();
            if (sheetName == null || sheetName.isBlank() || sheetName.equals(name)) {
                return stream;
            }
            names.add(name);
            stream.close();
        }
        throw new UnreadableFileException("the workbook has no sheet '" + sheetName + "' (sheets: " + names + ")");
    }

    @Override
    public RawRecord next() throws IOException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    return readRow();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException("the sheet cannot be read: " + reason(e), e);
        }
    }

    private RawRecord readRow() throws XMLStreamException {
        long rowNumber = parseLong(xml.getAttributeValue(null, "r"));
        List<String> values = new ArrayList<>();
        String error = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String reference = xml.getAttributeValue(null, "r");
                int column = columnIndex(reference, values.size());
                String type = xml.getAttributeValue(null, "t");
                String value = cellValue(type);
                while (values.size() < column) {
                    values.add("");
                }
                if ("e".equals(type) && error == null) {
                    error = "cell " + reference + " holds the Excel error " + value;
                }
                values.add(value);
            }
        }
        String raw = String.join("\t", values);
        return error == null ? RawRecord.ok(rowNumber, values, raw) : RawRecord.failed(rowNumber, raw, error);
    }

    /** Reads the cell's content up to its end tag. */
    private String cellValue(String type) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        String value = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "v".equals(xml.getLocalName())) {
                value = xml.getElementText();
            } else if (event == XMLStreamConstants.START_ELEMENT && "t".equals(xml.getLocalName())) {
                text.append(xml.getElementText());
            }
        }
        if ("inlineStr".equals(type)) {
            return text.toString();
        }
        if (value == null) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> strings.getItemAt(Integer.parseInt(value.trim())).getString();
            case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
            case "n" -> plainNumber(value);
            default -> value;
        };
    }

    /** 4.901234567894E12 → 4901234567894; 1280.50 → 1280.5. */
    static String plainNumber(String value) {
        try {
            return new BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** "C12" → 2 (0-based column); without a reference the next column. */
    static int columnIndex(String reference, int next) {
        if (reference == null) {
            return next;
        }
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 ? next : column - 1;
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Closing anyway.
        }
        sheet.close();
        pkg.revert();
    }
}
