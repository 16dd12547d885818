package dev.trendoff.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

/**
 * Loads trendoff's configuration. Highest precedence first:
 * <ol>
 *   <li>command-line flags (applied by each command through {@link #withOverrides});</li>
 *   <li>JVM system properties {@code -Dtrendoff.kafka.bootstrap-servers=...};</li>
 *   <li>environment variables {@code TRENDOFF_KAFKA_BOOTSTRAP_SERVERS=...}: the key's path under
 *       {@code trendoff}, upper-cased, with '.' and '-' written as '_';</li>
 *   <li>the file {@code trendoff.conf} (in the working directory, or named by {@code TRENDOFF_CONFIG}
 *       or {@code -Dtrendoff.config}), or instead of a file the text of {@value #CONFIG_TEXT_ENV} (how
 *       a parent JVM hands a child its configuration, secrets included, without a file or a command line);</li>
 *   <li>the client settings of a secured local stack ({@value #STACK_CLIENT_FILE} under
 *       {@code trendoff.stack.dir}, mode 600, written by {@code ./trendoff stack up --secure}: its
 *       credentials and truststores), when that file exists;</li>
 *   <li>the {@code reference.conf} defaults shipped in the jars (each module owns its section).</li>
 * </ol>
 * A key that is not in the defaults, from any of these, is an error: a typo must not be ignored. The
 * one exception is a key of a module this JVM does not have ({@link #SECTIONS}): it is ignored.
 */
public final class TrendoffConfig {

  public static final String ROOT = "trendoff";
  public static final String ENV_PREFIX = "TRENDOFF_";
  /** The environment variable holding the whole configuration as text, used instead of a file. */
  public static final String CONFIG_TEXT_ENV = "TRENDOFF_CONFIG_TEXT";
  /**
   * Where under {@code trendoff.stack.dir} a secured local stack keeps the client settings it hands
   * to every command (written by local-stack's StackSecrets).
   */
  public static final String STACK_CLIENT_FILE = "secure/client.conf";
  /** System properties that are not configuration keys: set by the launcher or read by log4j2. */
  private static final java.util.Set<String> PROPS_NOT_KEYS =
      java.util.Set.of("trendoff.config", "trendoff.home", "trendoff.logdir", Terminal.STDOUT, Terminal.STDERR);
  /** Environment variables that are not configuration keys. */
  private static final java.util.Set<String> ENV_NOT_KEYS =
      java.util.Set.of("TRENDOFF_CONFIG", CONFIG_TEXT_ENV, "TRENDOFF_HOME", "TRENDOFF_JAVA_OPTS", "TRENDOFF_JAVA",
          "TRENDOFF_SPARK_SUBMIT",
          // the X API bearer token: read from the environment only, never from a configuration key
          // (ingest-producer/src/main/java/dev/trendoff/producer/x/XSettings.java)
          "TRENDOFF_X_BEARER_TOKEN");

  /**
   * The sections of the configuration, one per module that ships a reference.conf. A JVM without some
   * of those modules (the jobs assembly has neither the serving layer nor the local stack) ignores the
   * keys of their sections instead of calling them unknown, so one configuration file and one
   * environment serve every process of an installation. cli's ConfigSectionsTest, which sees every
   * module, checks this list against their reference.conf files.
   */
  public static final java.util.Set<String> SECTIONS = java.util.Set.of(
      "kafka", "cassandra", "spark", "producer", "twitter", "x", "bluesky", "batch", "speed", "serving", "http",
      "csv-loader", "stack");

  private TrendoffConfig() {}

  /** Loads from the real environment, system properties and working directory. */
  public static Config load() {
    return load(configFile(System.getenv(), System.getProperties()), System.getenv(), System.getProperties());
  }

  /** Loads from explicit sources; used by {@link #load()} and by tests. */
  public static Config load(Path file, Map<String, String> env, Properties sysProps) {
    ConfigFactory.invalidateCaches();
    // the reference.conf files alone: defaultReference() would fold every -D property in, so a
    // mistyped -Dtrendoff.* key would count as known
    Config reference = ConfigFactory.defaultReferenceUnresolved().resolve().getConfig(ROOT);
    java.util.Set<String> elsewhere = new TreeSet<>(SECTIONS);
    elsewhere.removeAll(reference.root().keySet());

    Config fromFile = ConfigFactory.empty();
    String text = env.get(CONFIG_TEXT_ENV);
    if (text != null && !text.isBlank()) {
      fromFile = section(parseText(text, "the environment variable " + CONFIG_TEXT_ENV), elsewhere);
      rejectUnknown(fromFile, reference, "in " + CONFIG_TEXT_ENV);
    } else if (file != null) {
      fromFile = section(parseFile(file), elsewhere);
      rejectUnknown(fromFile, reference, "in " + file);
      requireOwnerOnlyIfSecret(fromFile, file);
    }

    Config fromEnv = fromEnvironment(env, reference, elsewhere);

    Config fromProps = ConfigFactory.empty();
    Properties props = new Properties();
    for (String name : sysProps.stringPropertyNames()) {
      if (name.startsWith(ROOT + ".") && !PROPS_NOT_KEYS.contains(name)) {
        props.setProperty(name, sysProps.getProperty(name));
      }
    }
    if (!props.isEmpty()) {
      fromProps = withoutSections(ConfigFactory.parseProperties(props).getConfig(ROOT), elsewhere);
      rejectUnknown(fromProps, reference, "in a -D" + ROOT + ".* system property");
    }

    Config given = fromProps.withFallback(fromEnv).withFallback(fromFile);
    Config merged = merge(given, reference);
    Path stackClient = stackClientFile(merged);
    if (stackClient != null) {
      Config fromStack = section(parseFile(stackClient), elsewhere);
      rejectUnknown(fromStack, reference, "in " + stackClient);
      requireOwnerOnlyIfSecret(fromStack, stackClient);
      merged = merge(given.withFallback(fromStack), reference);
    }
    return merged.atPath(ROOT);
  }

  private static Config merge(Config given, Config reference) {
    try {
      Config merged = given.withFallback(reference).resolve(ConfigResolveOptions.defaults());
      merged.checkValid(reference);
      checkTypes(merged, reference);
      return merged;
    } catch (ConfigException e) {
      throw new UserError("invalid configuration: " + e.getMessage());
    }
  }

  /** The secured local stack's client settings file, when the configuration names a stack directory that has one. */
  private static Path stackClientFile(Config merged) {
    if (!merged.hasPath("stack.dir")) {
      return null; // a JVM without the local-stack module
    }
    Path f = Path.of(merged.getString("stack.dir")).resolve(STACK_CLIENT_FILE);
    return Files.isRegularFile(f) ? f : null;
  }

  /**
   * A configuration file that holds a secret must be its owner's only (mode 600), as ssh asks of a
   * private key: otherwise every user of the host could read the secret.
   */
  private static void requireOwnerOnlyIfSecret(Config fromFile, Path file) {
    for (Map.Entry<String, ConfigValue> e : fromFile.entrySet()) {
      Object v = e.getValue().unwrapped();
      if (Secrets.isSecretKey(e.getKey()) && v != null && !String.valueOf(v).isEmpty() && !Secrets.ownerOnly(file)) {
        throw new UserError(file + " holds a secret (" + ROOT + "." + e.getKey() + ") and other users of the host can read it:"
            + " chmod 600 " + file);
      }
    }
  }

  private static Config section(Config parsed, java.util.Set<String> elsewhere) {
    return withoutSections(parsed.hasPath(ROOT) ? parsed.getConfig(ROOT) : ConfigFactory.empty(), elsewhere);
  }

  private static Config parseFile(Path file) {
    if (!Files.isReadable(file)) {
      throw new UserError("configuration file " + file + " does not exist or is not readable");
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new UserError("cannot read configuration file " + file + ": " + withoutSecrets(e, file));
    }
  }

  private static Config parseText(String text, String where) {
    try {
      return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(where));
    } catch (ConfigException e) {
      throw new UserError("cannot read " + where + " (line " + (e.origin() == null ? "?" : e.origin().lineNumber())
          + "; its text is not shown: it may hold secrets)");
    }
  }

  /**
   * A parse error's message, unless the line it points at names a secret (the parser may quote what it
   * found there): then only the line number.
   */
  private static String withoutSecrets(ConfigException e, Path file) {
    int line = e.origin() == null ? -1 : e.origin().lineNumber();
    try {
      java.util.List<String> lines = Files.readAllLines(file);
      if (line >= 1 && line <= lines.size() && !Secrets.isSecretKey(lines.get(line - 1))) {
        return e.getMessage();
      }
    } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
      // fall through to the short form
    }
    return "a syntax error at line " + line + " (the line is not shown: it may hold a secret)";
  }

  /** {@code base} with each {@code trendoff.}-relative key in {@code overrides} replaced. */
  public static Config withOverrides(Config base, Map<String, ?> overrides) {
    Config c = base;
    for (Map.Entry<String, ?> e : overrides.entrySet()) {
      String path = e.getKey().startsWith(ROOT + ".") ? e.getKey() : ROOT + "." + e.getKey();
      if (!base.hasPath(path)) {
        throw UserError.usage("unknown configuration key " + path);
      }
      c = c.withValue(path, ConfigValueFactory.fromAnyRef(e.getValue()));
    }
    return c;
  }

  /** The whole number at {@code path} of a loaded configuration; below 1 is one clear {@link UserError} line. */
  public static int atLeastOne(Config config, String path) {
    int v = config.getInt(path);
    if (v < 1) {
      throw new UserError(path + " must be at least 1, got " + v);
    }
    return v;
  }

  /** The environment variable that sets {@code path} (relative to {@code trendoff}). */
  public static String envName(String path) {
    return ENV_PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Path configFile(Map<String, String> env, Properties sysProps) {
    String named = sysProps.getProperty(ROOT + ".config", env.get("TRENDOFF_CONFIG"));
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    Path local = Path.of("trendoff.conf");
    return Files.exists(local) ? local : null;
  }

  /** {@code c} without the keys of {@code sections} (sections of modules this JVM does not have). */
  private static Config withoutSections(Config c, java.util.Set<String> sections) {
    for (String section : sections) {
      c = c.withoutPath(ConfigUtil.joinPath(section));
    }
    return c;
  }

  private static Config fromEnvironment(Map<String, String> env, Config reference, java.util.Set<String> elsewhere) {
    Map<String, String> byEnvName = new HashMap<>();
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      byEnvName.put(envName(e.getKey()), e.getKey());
    }
    // the free-form objects (kafka.client, spark.conf) are empty in the defaults, so entrySet() has no
    // key for them: TRENDOFF_KAFKA_CLIENT='{"security.protocol": "SASL_SSL"}' sets one as a whole
    for (String path : freeFormObjects(reference.root(), "")) {
      byEnvName.put(envName(path), path);
    }
    Config c = ConfigFactory.empty();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ENV_PREFIX) || ENV_NOT_KEYS.contains(name)) {
        continue;
      }
      String path = byEnvName.get(name);
      if (path == null && elsewhere.stream().anyMatch(section -> name.startsWith(envName(section) + "_"))) {
        continue;
      }
      if (path == null) {
        throw new UserError("unknown configuration key in environment variable " + name
            + " (see reference.conf for the keys; unset it or fix its name)");
      }
      ConfigValue refValue = reference.getValue(path);
      c = c.withValue(path, parseEnvValue(e.getValue(), refValue, name));
    }
    return c;
  }

  /** Paths of the empty objects under {@code o}: sections the defaults leave open for any key. */
  private static java.util.List<String> freeFormObjects(com.typesafe.config.ConfigObject o, String prefix) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
      if (e.getValue() instanceof com.typesafe.config.ConfigObject child) {
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        if (child.isEmpty()) {
          out.add(path);
        } else {
          out.addAll(freeFormObjects(child, path));
        }
      }
    }
    return out;
  }

  private static ConfigValue parseEnvValue(String raw, ConfigValue like, String name) {
    switch (like.valueType()) {
      case LIST:
        java.util.List<String> items = new java.util.ArrayList<>();
        for (String part : raw.split(",")) {
          if (!part.isBlank()) {
            items.add(part.strip());
          }
        }
        return ConfigValueFactory.fromIterable(items, "environment variable " + name);
      case OBJECT:
        try {
          return ConfigFactory.parseString("v = " + raw).getValue("v");
        } catch (ConfigException ex) {
          // the parser's message may quote the text, and objects like trendoff.kafka.client hold secrets
          throw new UserError("environment variable " + name + " is not a valid object (HOCON or JSON, like"
              + " {\"security.protocol\": \"SASL_SSL\"}); its text is not shown: it may hold secrets");
        }
      default:
        return ConfigValueFactory.fromAnyRef(raw, "environment variable " + name);
    }
  }

  private static void rejectUnknown(Config given, Config reference, String where) {
    TreeSet<String> unknown = new TreeSet<>();
    for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
      if (!reference.hasPathOrNull(e.getKey()) && !underFreeFormObject(e.getKey(), reference)) {
        unknown.add(ROOT + "." + e.getKey());
      }
    }
    if (!unknown.isEmpty()) {
      throw new UserError("unknown configuration key " + String.join(", ", unknown) + " " + where);
    }
  }

  /** Keys under an object the defaults leave open (e.g. extra Spark or Kafka client settings). */
  private static boolean underFreeFormObject(String path, Config reference) {
    java.util.List<String> parts = ConfigUtil.splitPath(path);
    for (int n = parts.size() - 1; n > 0; n--) {
      String prefix = ConfigUtil.joinPath(parts.subList(0, n));
      if (reference.hasPath(prefix) && reference.getValue(prefix).valueType() == ConfigValueType.OBJECT
          && reference.getConfig(prefix).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Numbers and booleans must parse as such: say so now rather than deep inside a job. */
  private static void checkTypes(Config merged, Config reference) {
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      String path = e.getKey();
      ConfigValueType type = e.getValue().valueType();
      if (type == ConfigValueType.NUMBER) {
        merged.getNumber(path);
      } else if (type == ConfigValueType.BOOLEAN) {
        merged.getBoolean(path);
      }
    }
  }
}
