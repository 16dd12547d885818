package dev.trendoff.producer;

/** A source read from a file or standard input: its progress is the bytes of the {@link Input} read. */
abstract class FileRecordSource implements RecordSource {

  protected final Input input;

  FileRecordSource(Input input) {
    this.input = input;
  }

  @Override
  public long total() {
    return input.totalBytes();
  }

  @Override
  public long done() {
    return input.bytesRead();
  }

  @Override
  public String unit() {
    return "bytes";
  }

  @Override
  public void stop() {
    input.stop();
  }
}
