package io.darkroom.application.preset;

import io.darkroom.application.support.Commands;
import io.darkroom.application.support.CursorCodec;
import io.darkroom.application.support.DarkroomException;
import io.darkroom.application.support.IdGenerator;
import io.darkroom.application.support.Page;
import io.darkroom.domain.preset.CreateUploadPreset;
import io.darkroom.domain.preset.DeleteUploadPreset;
import io.darkroom.domain.preset.UpdateUploadPreset;
import io.darkroom.domain.preset.UploadPresetId;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Admin API's upload preset calls. Settings arrive checked (as an upload would check them) in the Upload API's field
 * form; a create without a name gets a generated one, as Cloudinary does.
 */
public class UploadPresets {
    public static final int MAX_PAGE = 500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}");
    private static final int GENERATED_NAME_LENGTH = 8;

    private final Commands commands;
    private final PresetCatalog catalog;
    private final CursorCodec cursors;
    private final IdGenerator ids;

    public UploadPresets(Commands commands, PresetCatalog catalog, CursorCodec cursors, IdGenerator ids) {
        this.commands = commands;
        this.catalog = catalog;
        this.cursors = cursors;
        this.ids = ids;
    }

    /** Creates a preset and answers its name; 409 when a given name is taken. */
    public String create(String cloud, String name, boolean unsigned, boolean disallowPublicId, Map<String, String> settings) {
        if (name != null) {
            requireValidName(name);
            commands.retrying(() -> commands.send(new CreateUploadPreset(UploadPresetId.of(cloud, name), cloud, name, unsigned,
                    disallowPublicId, settings)));
            return name;
        }
        String generated = ids.lowerAlphanumeric(GENERATED_NAME_LENGTH);
        commands.retrying(() -> commands.send(new CreateUploadPreset(UploadPresetId.of(cloud, generated), cloud, generated,
                unsigned, disallowPublicId, settings)));
        return generated;
    }

    /** {@code unsigned} and {@code disallowPublicId} may be null (unchanged); settings replace those named. */
    public void update(String cloud, String name, Boolean unsigned, Boolean disallowPublicId, Map<String, String> settings) {
        details(cloud, name);
        commands.retrying(() -> commands.send(new UpdateUploadPreset(UploadPresetId.of(cloud, name), cloud, unsigned,
                disallowPublicId, settings)));
    }

    public void delete(String cloud, String name) {
        details(cloud, name);
        commands.retrying(() -> commands.send(new DeleteUploadPreset(UploadPresetId.of(cloud, name), cloud)));
    }

    /** The preset; 404 when the cloud has none of that name. */
    public PresetView details(String cloud, String name) {
        if (name == null || name.isBlank()) {
            throw DarkroomException.badRequest("Missing required parameter - name");
        }
        return catalog.find(cloud, name).orElseThrow(() -> DarkroomException.notFound("Upload preset " + name + " not found"));
    }

    /** The preset an upload names, if the cloud has it: one primary-key read, on every upload that names one. */
    public java.util.Optional<PresetView> find(String cloud, String name) {
        return name.length() > 255 ? java.util.Optional.empty() : catalog.find(cloud, name);
    }

    public Page<PresetView> list(String cloud, int limit, String nextCursor) {
        String scope = "upload_presets|" + cloud;
        String after = nextCursor == null ? null : cursors.decode(scope, nextCursor, 1).get(0);
        List<PresetView> rows = catalog.list(cloud, after, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<PresetView> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, cursors.encode(scope, List.of(page.get(limit - 1).name())));
    }

    private static void requireValidName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw DarkroomException.badRequest("Invalid upload preset name " + name
                    + " (1 to 255 letters, digits, '_', '-' or '.', not starting with '.')");
        }
    }
}
