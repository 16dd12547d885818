package dev.trendoff.formats;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Lists the file formats, a line each, at the end of a command's {@code --help}: for the commands
 * that read tweet files ({@code @Command(modelTransformer = FormatsHelp.class)} on produce and
 * load-csv), so the list is written once, in {@link TweetFormats}.
 */
public final class FormatsHelp implements IModelTransformer {

  @Override
  public CommandSpec transform(CommandSpec spec) {
    spec.usageMessage().footerHeading("%nFile formats:%n").footer(TweetFormats.help().toArray(new String[0]));
    return spec;
  }
}
