package dev.gallerykit.labeling;

import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.testkit.contract.ImageLabelerContract;
import java.awt.Color;

class DominantColorLabelerTest extends ImageLabelerContract {

    @Override
    protected ImageLabeler labeler() {
        return new DominantColorLabeler();
    }

    @Override
    protected byte[] aPictureItCanLabel() {
        return Pictures.stripes(Color.RED, Color.BLUE);
    }
}
