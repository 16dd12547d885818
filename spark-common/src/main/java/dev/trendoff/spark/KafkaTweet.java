package dev.trendoff.spark;

import java.io.Serializable;

import dev.trendoff.avro.Tweet;

/** A decoded tweet with where it was read in Kafka: the topic's id (docs/lambda.md 'The cut'), partition and offset. */
public record KafkaTweet(String topicId, int partition, long offset, Tweet tweet) implements Serializable {}
