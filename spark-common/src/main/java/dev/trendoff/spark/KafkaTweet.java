package dev.trendoff.spark;

import java.io.Serializable;

import dev.trendoff.avro.Tweet;

/** A decoded tweet with where it was read in Kafka. */
public record KafkaTweet(int partition, long offset, Tweet tweet) implements Serializable {}
