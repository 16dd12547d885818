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
 *       or {@code -Dtrendoff.config});</li>
 *   <li>the {@code reference.conf} defaults shipped in the jars (each module owns its section).</li>
 * </ol>
 * A key that is not in the defaults, from any of these, is an error: a typo must not be ignored. The
 * one exception is a key of a module this JVM does not have ({@link #SECTIONS}): it is ignored.
 */
public final class TrendoffConfig {

  public static final String ROOT = "trendoff";
  public static final String ENV_PREFIX = "TRENDOFF_";
  /** System properties that are not configuration keys: set by the launcher or read by log4j2. */
  private static final java.util.Set<String> PROPS_NOT_KEYS =
      java.util.Set.of("trendoff.config", "trendoff.home", "trendoff.logdir");
  /** Environment variables that are not configuration keys. */
  private static final java.util.Set<String> ENV_NOT_KEYS =
      java.util.Set.of("TRENDOFF_CONFIG", "TRENDOFF_HOME", "TRENDOFF_JAVA_OPTS", "TRENDOFF_JAVA", "TRENDOFF_SPARK_SUBMIT");

  /**
   * The sections of the configuration, one per module that ships a reference.conf. A JVM without some
   * of those modules (the jobs assembly has neither the serving layer nor the local stack) ignores the
   * keys of their sections instead of calling them unknown, so one configuration file and one
   * environment serve every process of an installation. cli's ConfigSectionsTest, which sees every
   * module, checks this list against their reference.conf files.
   */
  public static final java.util.Set<String> SECTIONS = java.util.Set.of(
      "kafka", "cassandra", "spark", "producer", "twitter", "batch", "speed", "serving", "http", "csv-loader", "stack");

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
    if (file != null) {
      if (!Files.isReadable(file)) {
        throw new UserError("configuration file " + file + " does not exist or is not readable");
      }
      try {
        fromFile = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw new UserError("cannot read configuration file " + file + ": " + e.getMessage());
      }
      fromFile = withoutSections(fromFile.hasPath(ROOT) ? fromFile.getConfig(ROOT) : ConfigFactory.empty(), elsewhere);
      rejectUnknown(fromFile, reference, "in " + file);
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

    try {
      Config merged = fromProps.withFallback(fromEnv).withFallback(fromFile).withFallback(reference)
          .resolve(ConfigResolveOptions.defaults());
      merged.checkValid(reference);
      checkTypes(merged, reference);
      return merged.atPath(ROOT);
    } catch (ConfigException e) {
      throw new UserError("invalid configuration: " + e.getMessage());
    }
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
          throw new UserError("environment variable " + name + " is not a valid object: " + ex.getMessage());
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
