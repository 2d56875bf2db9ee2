package jp.systemgear.ec.tools.sampledata;

/** One supplier line: the fields suppliers send, as text, the way they write them. */
public record SampleRow(String itemCode, String jan, String name, String stock, String cost, int packSize) {
}
