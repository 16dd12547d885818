package dev.trendoff.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Cassandra 5.0 as a child JVM: its YAML (written by code, 5.0 unit style), its logback
 * configuration, its JVM command line (Java 11/17 module flags) and its AppCDS class archive.
 */
final class CassandraNode {

  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

  /**
   * Module flags Cassandra 5.0 needs on Java 11+ (its conf/jvm17-server.options, JPMS part), from the
   * argument file cassandra-jvm17.options beside this class, which the deployment image uses too.
   */
  static final List<String> MODULE_FLAGS = argumentFile("cassandra-jvm17.options");

  private final StackSettings s;
  private final StackSecrets secrets;

  /** @param secrets the secured stack's keys and passwords; null for a plain-text node */
  CassandraNode(StackSettings s, StackSecrets secrets) {
    this.s = s;
    this.secrets = secrets;
  }

  ServerProcess process() {
    return new ServerProcess("cassandra", ServerProcess.marker("cassandra", s.dir()), s.dir().resolve("cassandra.pid"),
        s.logDir().resolve("cassandra.log"));
  }

  Path yamlFile() {
    return s.cassandraDir().resolve("conf").resolve("cassandra.yaml");
  }

  Path logbackFile() {
    return s.cassandraDir().resolve("conf").resolve("logback.xml");
  }

  /**
   * cassandra.yaml for one node on 127.0.0.1, small memtables and caches, data under the stack dir.
   * Secured ({@code secrets} not null): PasswordAuthenticator, CassandraAuthorizer and client-to-node
   * TLS only (no plain-text clients), with the stack's server certificate.
   */
  static String yaml(StackSettings s, StackSecrets secrets) {
    Path d = s.cassandraDir();
    String host = s.cassandraHost();
    String auth = secrets == null
        ? String.join("\n", "authenticator: AllowAllAuthenticator", "authorizer: AllowAllAuthorizer")
        : String.join("\n",
            "authenticator:",
            "  class_name: org.apache.cassandra.auth.PasswordAuthenticator",
            "authorizer: CassandraAuthorizer",
            "role_manager: CassandraRoleManager",
            "client_encryption_options:",
            "  enabled: true",
            "  optional: false",
            "  keystore: " + secrets.keystore(),
            "  keystore_password: " + secrets.keystorePassword(),
            "  truststore: " + secrets.truststore(),
            "  truststore_password: " + secrets.truststorePassword(),
            "  store_type: PKCS12",
            "  require_client_auth: false");
    return String.join("\n",
        "# written by trendoff local-stack; rewritten at every start",
        "cluster_name: 'trendoff local'",
        "num_tokens: 1",
        "initial_token: " + s.cassandraInitialToken(),
        // a local node joins an empty cluster (the cluster test starts every node before any data)
        "auto_bootstrap: false",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "endpoint_snitch: SimpleSnitch",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"" + s.cassandraSeedList() + "\"",
        "listen_address: " + host,
        "broadcast_address: " + host,
        "rpc_address: " + host,
        "storage_port: " + s.cassandraStoragePort(),
        "start_native_transport: true",
        "native_transport_port: " + s.cassandraPort(),
        "data_file_directories:",
        "  - " + d.resolve("data"),
        "commitlog_directory: " + d.resolve("commitlog"),
        "saved_caches_directory: " + d.resolve("saved_caches"),
        "hints_directory: " + d.resolve("hints"),
        "cdc_raw_directory: " + d.resolve("cdc_raw"),
        // one node holds the only copy: a write is acknowledged once its commit log is synced, so a kill -9
        // loses nothing acknowledged (periodic sync acknowledged first, and replay stops at the last sync
        // marker: fault-test's CrashIT lost a committed tweet that way). A write thread waits for the sync of
        // its write, so the writes one sync covers are at most concurrent_writes: 64 (not 8) threads, and the
        // commit log written with direct I/O where the file system allows it (auto), took 55,000 one-row writes
        // from 31-33 s to 9-21 s here (docs/lambda.md 'Faults and what they do')
        "commitlog_sync: batch",
        "commitlog_disk_access_mode: auto",
        "commitlog_segment_size: 32MiB",
        "memtable_heap_space: 128MiB",
        "memtable_offheap_space: 128MiB",
        "key_cache_size: 16MiB",
        "row_cache_size: 0MiB",
        "counter_cache_size: 0MiB",
        "prepared_statements_cache_size: 8MiB",
        "file_cache_size: 32MiB",
        "concurrent_reads: 8",
        "concurrent_writes: 64",
        "concurrent_counter_writes: 4",
        "concurrent_compactors: 1",
        auth,
        "hinted_handoff_enabled: false",
        "auto_snapshot: false",
        "disk_failure_policy: stop",
        "commit_failure_policy: stop",
        "");
  }

  /** True when the configuration file on disk is what the current settings would write. */
  boolean configMatches() {
    try {
      return yaml(s, secrets).equals(Files.readString(yamlFile(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes the YAML (mode 600: a secured one holds the keystore's password) and the logback configuration, and creates the directories. */
  void writeConfig() throws IOException {
    Files.createDirectories(yamlFile().getParent());
    Files.createDirectories(s.cassandraDir().resolve("triggers"));
    Files.createDirectories(s.logDir());
    dev.trendoff.core.Secrets.writePrivate(yamlFile(), yaml(s, secrets));
    try (InputStream in = CassandraNode.class.getResourceAsStream("cassandra-logback.xml")) {
      Files.copy(in, logbackFile(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The JVM options other than the class archive ones. */
  List<String> jvmOptions() {
    List<String> o = new ArrayList<>();
    o.add(process().marker());
    o.add("-Xms" + s.cassandraHeap());
    o.add("-Xmx" + s.cassandraHeap());
    o.add("-Xss256k");
    o.add("-XX:+UseG1GC");
    o.add("-XX:+ParallelRefProcEnabled");
    o.add("-XX:MaxTenuringThreshold=1");
    o.add("-XX:MaxGCPauseMillis=300");
    o.add("-XX:MaxDirectMemorySize=256m");
    o.add("-XX:+IgnoreUnrecognizedVMOptions");
    o.add("-XX:-OmitStackTraceInFastThrow");
    o.add("-XX:+ExitOnOutOfMemoryError");
    o.add("-Djava.net.preferIPv4Stack=true");
    o.add("-Djava.awt.headless=true");
    o.addAll(MODULE_FLAGS);
    o.add("-Dio.netty.tryReflectionSetAccessible=true");
    o.add("-Dio.netty.allocator.useCacheForAllThreads=true");
    o.add("-Dio.netty.allocator.maxOrder=11");
    o.add("-Dcassandra-foreground=yes");
    o.add("-Dcassandra.config=" + yamlFile().toUri());
    o.add("-Dcassandra.storagedir=" + s.cassandraDir());
    o.add("-Dcassandra.logdir=" + s.logDir());
    o.add("-Dcassandra.triggers_dir=" + s.cassandraDir().resolve("triggers"));
    o.add("-Dlogback.configurationFile=" + logbackFile().toUri());
    o.add("-Dcassandra.shutdown_announce_in_ms=0");
    if (s.cassandraFastSchema()) {
      // schema changes do not flush the schema tables: creating a keyspace takes seconds instead of tens
      // of seconds on a busy laptop, but the node loads its schema from its tables before it replays its
      // commit log, so after a kill -9 it can lose keyspaces created since the last flush (trendoff.stack.cassandra-fast-schema)
      o.add("-Dcassandra.unsafesystem=true");
    }
    if (secrets != null) {
      // the default superuser (cassandra/cassandra) at once, not after 10 s: stack up replaces its password
      o.add("-Dcassandra.superuser_setup_delay_ms=0");
    }
    if (s.cassandraSeeds().isEmpty()) {
      // one node: nothing to gossip with, no ring to wait for
      o.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
      o.add("-Dcassandra.ring_delay_ms=0");
    } else {
      // a node joining others: its gossip shadow round waits up to the ring delay for the seeds' answer
      o.add("-Dcassandra.ring_delay_ms=5000");
    }
    return o;
  }

  /** The archive for this Java, classpath and options; its name changes when any of them does. */
  Path classArchive(JavaRuntimes.Runtime java, List<Path> classpath) {
    String key = java.home().toAbsolutePath() + "\n" + java.major() + "\n" + RuntimeClasspath.join(classpath)
        + "\n" + String.join(" ", jvmOptions().subList(1, jvmOptions().size())).replace(s.dir().toString(), "");
    return s.classArchiveDir().resolve("cassandra-" + sha256(key).substring(0, 16) + ".jsa");
  }

  Path pendingArchiveNote() {
    return s.dir().resolve("cassandra.cds-pending");
  }

  /** The full command; with class archives on, either loads the archive or records one at exit. */
  List<String> command(JavaRuntimes.Runtime java, List<Path> classpath) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.java().toString());
    cmd.addAll(jvmOptions());
    if (s.cassandraClassArchive()) {
      Path archive = classArchive(java, classpath);
      if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
        cmd.add("-XX:SharedArchiveFile=" + archive);
        Files.deleteIfExists(pendingArchiveNote());
      } else {
        Files.createDirectories(archive.getParent());
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".tmp");
        cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
        Files.writeString(pendingArchiveNote(), tmp + "\n" + archive + "\n", StandardCharsets.UTF_8);
      }
    }
    cmd.add("-cp");
    cmd.add(RuntimeClasspath.join(classpath));
    cmd.add(MAIN_CLASS);
    return cmd;
  }

  /**
   * After the server exited: when it recorded a class archive at exit, move it to its final name
   * (atomically, so a concurrent start never reads a half-written archive).
   */
  void promoteClassArchive() {
    Path note = pendingArchiveNote();
    if (!Files.isRegularFile(note) || process().running().isPresent()) {
      return; // nothing recorded, or the recording server has not exited yet
    }
    try {
      List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
      Files.deleteIfExists(note);
      if (lines.size() < 2) {
        return;
      }
      Path tmp = Path.of(lines.get(0).strip());
      Path archive = Path.of(lines.get(1).strip());
      if (Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
        Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // an archive is an optimisation: without one the next start is just slower
    }
  }

  /** The options of a java @argument file resource: one or more a line, '#' to the end of a line is a comment. */
  static List<String> argumentFile(String resource) {
    try (InputStream in = CassandraNode.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      List<String> options = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String content = line.replaceFirst("#.*", "").strip();
        if (!content.isEmpty()) {
          options.addAll(List.of(content.split("\\s+")));
        }
      }
      return List.copyOf(options);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
