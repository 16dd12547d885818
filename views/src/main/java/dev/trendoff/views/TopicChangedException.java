package dev.trendoff.views;

/**
 * The Kafka topic is not the one a published cut was taken on: it was deleted and created again, or
 * Kafka lost its data while Cassandra kept its own. Offsets of the new topic start again from 0, below
 * the cut, so neither the merge nor a recompute can split them on it; the message names the recovery
 * (docs/lambda.md 'A recreated topic').
 */
public final class TopicChangedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The command that adopts the new topic. */
  public static final String RECOVERY = "./trendoff batch-layer recompute --adopt-topic";

  private final String cutTopic;
  private final String seenTopic;

  public TopicChangedException(String cutTopic, String seenTopic) {
    super(message(cutTopic, seenTopic));
    this.cutTopic = cutTopic;
    this.seenTopic = seenTopic;
  }

  /** One line: the cause and the documented recovery. */
  public static String message(String cutTopic, String seenTopic) {
    return "the Kafka topic was deleted and created again, or Kafka lost its data (the published view's cut is of topic id "
        + cutTopic + ", the topic read now has id " + seenTopic + "): its new offsets start below the cut and cannot be"
        + " split on it; recover with `" + RECOVERY + "` (docs/lambda.md 'A recreated topic')";
  }

  public String cutTopic() {
    return cutTopic;
  }

  public String seenTopic() {
    return seenTopic;
  }
}
