package dev.trendoff.formats;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code x-archive}: the archive X gives each user of their own account ({@link XArchive}), as the zip
 * or its unpacked folder, or a folder of several (to compare people who each gave you theirs). Every
 * archive's account.js is read when the file is opened, so an archive without one stops the run
 * before anything is sent.
 */
final class XArchiveFormat implements TweetFormat {

  @Override
  public String name() {
    return "x-archive";
  }

  @Override
  public String description() {
    return "X's 'download your data' zip or folder, or a folder of them";
  }

  @Override
  public FileRecords open(String file, ReadLimits limits) {
    List<XArchive> archives = XArchive.at(file);
    long total = archives.stream().mapToLong(XArchive::tweetBytes).sum();
    Path p = Path.of(file).toAbsolutePath().normalize();
    Input progress = Input.counting(p.getFileName() == null ? file : p.getFileName().toString(), total);
    return new FileRecords(progress, new XArchiveRecords(archives, progress), XArchiveTweet.INSTANCE);
  }
}
