package dev.trendoff.producer.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Events as Jetstream's documentation shows them. */
class JetstreamEventTest {

  static final String POST = "{\"did\":\"did:plc:ewvi7nxzyoun6zhxrhs64oiz\",\"time_us\":1725911162329308,\"kind\":\"commit\","
      + "\"commit\":{\"rev\":\"3l3qo2vutsw2b\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3l3qo2vutsw2b\","
      + "\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":\"2024-09-09T19:46:02.102Z\",\"langs\":[\"en\"],"
      + "\"text\":\"Caf\u00e9 & <3 \u2014 no entities here &amp; that stays\"},\"cid\":\"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi\"}}";
  static final String IDENTITY = "{\"did\":\"did:plc:ufbl4k27gp6kzas5glhz7fim\",\"time_us\":1725516665234703,\"kind\":\"identity\","
      + "\"identity\":{\"did\":\"did:plc:ufbl4k27gp6kzas5glhz7fim\",\"handle\":\"yohenrique.bsky.social\",\"seq\":1409752997,"
      + "\"time\":\"2024-09-05T06:11:04.870Z\"}}";
  static final String ACCOUNT = "{\"did\":\"did:plc:ufbl4k27gp6kzas5glhz7fim\",\"time_us\":1725516665333808,\"kind\":\"account\","
      + "\"account\":{\"active\":true,\"did\":\"did:plc:ufbl4k27gp6kzas5glhz7fim\",\"seq\":1409753013,\"time\":\"2024-09-05T06:11:04.870Z\"}}";
  static final String DELETE = "{\"did\":\"did:plc:ewvi7nxzyoun6zhxrhs64oiz\",\"time_us\":1725911162329999,\"kind\":\"commit\","
      + "\"commit\":{\"rev\":\"3l3qo2vutsw2c\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3l3qo2vutsw2b\"}}";

  @Test
  void aNewPost() throws Exception {
    JetstreamEvent e = JetstreamEvent.parse(POST);
    assertThat(e.isNewPost()).isTrue();
    assertThat(e.did()).isEqualTo("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    assertThat(e.timeUs()).isEqualTo(1725911162329308L);
    assertThat(e.rkey()).isEqualTo("3l3qo2vutsw2b");
    assertThat(e.record().path("text").asText()).startsWith("Caf\u00e9");
  }

  @Test
  void identityAccountAndDeleteAreNotPosts() throws Exception {
    JetstreamEvent id = JetstreamEvent.parse(IDENTITY);
    assertThat(id.isIdentity()).isTrue();
    assertThat(id.handle()).isEqualTo("yohenrique.bsky.social");
    assertThat(id.isNewPost()).isFalse();
    assertThat(JetstreamEvent.parse(ACCOUNT).isNewPost()).isFalse();
    assertThat(JetstreamEvent.parse(ACCOUNT).handle()).isNull();
    JetstreamEvent delete = JetstreamEvent.parse(DELETE);
    assertThat(delete.isNewPost()).isFalse();
    assertThat(delete.operation()).isEqualTo("delete");
  }

  @Test
  void whatIsNotAnEventSaysWhy() {
    assertThatThrownBy(() -> JetstreamEvent.parse("{\"did\":")).isInstanceOfSatisfying(JetstreamEvent.NotAnEvent.class,
        e -> assertThat(e.rejection().detail()).startsWith("malformed JSON"));
    assertThatThrownBy(() -> JetstreamEvent.parse("{\"kind\":\"commit\"}")).isInstanceOfSatisfying(JetstreamEvent.NotAnEvent.class,
        e -> assertThat(e.rejection().detail()).isEqualTo("not a Jetstream event: no did or no time_us"));
  }
}
